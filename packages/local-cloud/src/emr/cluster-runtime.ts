// One cluster's lifecycle: STARTING → BOOTSTRAPPING → WAITING, RUNNING while steps run,
// TERMINATING → TERMINATED (or TERMINATED_WITH_ERRORS); instances PROVISIONING → BOOTSTRAPPING → RUNNING;
// fleet resizes that add or remove instances over time; idle auto-termination.

import type { S3Client } from '@aws-sdk/client-s3';
import { ACTIVE_CLUSTER_STATES } from '@data-pipeline/model/emr-states';
import type { HiveEngine } from './commands/result';
import type { EmrFaults } from './faults';
import { newEc2InstanceId, newInstanceId } from './ids';
import type { Cluster, Fleet, Instance, StateChangeReason, Step } from './model';
import { startStep } from './step-runner';

export interface EmrTimings {
  provisionMs: number;
  bootstrapMs: number;
  resizeMs: number;
  terminateMs: number;
}

export const DEFAULT_TIMINGS: EmrTimings = { provisionMs: 1000, bootstrapMs: 1000, resizeMs: 2000, terminateMs: 500 };

export interface ClusterRuntimeOptions {
  s3: S3Client;
  faults: EmrFaults;
  timings: EmrTimings;
  /** Scales idle auto-termination and spot timeouts (seconds and minutes of the API). */
  timeScale: number;
  /** Starts the engine of hive / spark-sql steps during bootstrap, when the cluster has Hive or Spark. */
  hiveEngine?: (cluster: Cluster) => Promise<HiveEngine>;
  /** Called on every change of the cluster's or a fleet's state (progress displays, tests). */
  onStateChange?: (cluster: Cluster) => void;
}

const ACTIVE = new Set<string>(ACTIVE_CLUSTER_STATES);

export class ClusterRuntime {
  private hive?: HiveEngine;
  private idleTimer?: NodeJS.Timeout;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly cluster: Cluster,
    private readonly options: ClusterRuntimeOptions,
  ) {}

  get active(): boolean {
    return ACTIVE.has(this.cluster.state);
  }

  start(): void {
    const startFault = this.options.faults.takeClusterStartFault();
    for (const fleet of this.cluster.fleets) this.provision(fleet, fleet.targetOnDemand, 'ON_DEMAND', 'PROVISIONING');
    this.after(this.options.timings.provisionMs, async () => {
      if (startFault) return this.terminate({ Code: 'BOOTSTRAP_FAILURE', Message: startFault }, true);
      this.setState('BOOTSTRAPPING');
      this.setInstances('PROVISIONING', 'BOOTSTRAPPING');
      for (const fleet of this.cluster.fleets) fleet.state = 'BOOTSTRAPPING';
      const wantsEngine = this.cluster.applications.some((name) => /^(hive|spark)$/i.test(name));
      const engine = wantsEngine && this.options.hiveEngine ? this.options.hiveEngine(this.cluster) : undefined;
      const bootstrapped = new Promise((resolve) => this.after(this.options.timings.bootstrapMs, () => resolve(undefined)));
      try {
        this.hive = engine ? await engine : undefined;
      } catch (error) {
        return this.terminate(
          { Code: 'BOOTSTRAP_FAILURE', Message: `Hive/Spark failed to start: ${(error as Error).message}`.slice(0, 1000) },
          true,
        );
      }
      await bootstrapped;
      if (this.cluster.state !== 'BOOTSTRAPPING') return;
      this.setInstances('BOOTSTRAPPING', 'RUNNING');
      for (const fleet of this.cluster.fleets) this.markRunning(fleet);
      this.cluster.ready = new Date();
      this.setState('WAITING', { Message: 'Cluster ready to run steps.' });
      for (const fleet of this.cluster.fleets) if (fleet.targetSpot > 0) this.requestSpot(fleet, fleet.targetSpot, true);
      this.schedule();
    });
  }

  addSteps(steps: Step[]): void {
    this.cluster.steps.push(...steps);
    this.cluster.lastActivity = new Date();
    this.schedule();
  }

  resize(fleet: Fleet, targetOnDemand: number | undefined, targetSpot: number | undefined): void {
    if (targetOnDemand !== undefined) fleet.targetOnDemand = targetOnDemand;
    if (targetSpot !== undefined) fleet.targetSpot = targetSpot;
    fleet.state = 'RESIZING';
    fleet.reason = { Message: 'A resize is in progress.' };
    this.options.onStateChange?.(this.cluster);
    this.shrink(fleet, 'ON_DEMAND', fleet.targetOnDemand);
    this.shrink(fleet, 'SPOT', fleet.targetSpot);
    this.provision(fleet, fleet.targetOnDemand - this.count(fleet, 'ON_DEMAND'), 'ON_DEMAND', 'PROVISIONING');
    const spotMissing = fleet.targetSpot - this.count(fleet, 'SPOT');
    const spotAvailable = !this.options.faults.spotUnavailable;
    if (spotAvailable) this.provision(fleet, spotMissing, 'SPOT', 'PROVISIONING');
    this.after(this.options.timings.resizeMs, () => {
      if (!this.active) return;
      this.setInstances('PROVISIONING', 'RUNNING', fleet);
      this.markRunning(fleet);
      if (!spotAvailable && spotMissing > 0)
        fleet.reason = {
          Code: 'CAPACITY_UNAVAILABLE',
          Message: `Spot capacity was not available for ${spotMissing} of ${fleet.targetSpot} units.`,
        };
      this.options.onStateChange?.(this.cluster);
    });
  }

  terminate(reason: StateChangeReason, withErrors = false): void {
    if (!this.active) return;
    this.clearIdleTimer();
    this.setState('TERMINATING', reason);
    for (const fleet of this.cluster.fleets) fleet.state = 'TERMINATING';
    for (const step of this.cluster.steps) {
      if (step.state === 'PENDING' || step.state === 'RUNNING') {
        step.state = 'CANCELLED';
        step.ended = new Date();
        step.reason = { Message: 'Cancelled because the cluster terminated.' };
      }
    }
    this.after(this.options.timings.terminateMs, async () => {
      await this.hive?.stop().catch(() => undefined);
      this.hive = undefined;
      for (const instance of this.cluster.instances)
        if (instance.state !== 'TERMINATED') Object.assign(instance, { state: 'TERMINATED', ended: new Date() });
      for (const fleet of this.cluster.fleets) fleet.state = 'TERMINATED';
      this.cluster.ended = new Date();
      this.setState(withErrors ? 'TERMINATED_WITH_ERRORS' : 'TERMINATED', reason);
    });
  }

  /** Stops timers and the engine at once (the service is shutting down). */
  async dispose(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.clearIdleTimer();
    await this.hive?.stop().catch(() => undefined);
  }

  private schedule(): void {
    const { cluster } = this;
    if (cluster.state !== 'WAITING' && cluster.state !== 'RUNNING') return;
    let running = cluster.steps.filter((step) => step.state === 'RUNNING').length;
    for (const step of cluster.steps) {
      if (running >= cluster.stepConcurrencyLevel) break;
      if (step.state !== 'PENDING') continue;
      startStep(cluster, step, {
        s3: this.options.s3,
        faults: this.options.faults,
        hive: () => this.hive,
        onStepEnded: (ended) => this.stepEnded(ended),
      });
      running += 1;
    }
    if (running > 0) {
      this.clearIdleTimer();
      if (cluster.state !== 'RUNNING') this.setState('RUNNING', { Message: 'Running step' });
      return;
    }
    if (cluster.state !== 'WAITING') this.setState('WAITING', { Message: 'Cluster ready after last step completed.' });
    if (!cluster.keepAlive && cluster.steps.length > 0) this.terminate({ Code: 'ALL_STEPS_COMPLETED', Message: 'Steps completed' });
    else this.armIdleTimer();
  }

  private stepEnded(step: Step): void {
    if (step.state === 'FAILED') {
      if (step.actionOnFailure === 'TERMINATE_CLUSTER' || step.actionOnFailure === 'TERMINATE_JOB_FLOW') {
        this.terminate({ Code: 'STEP_FAILURE', Message: `Shut down as step failed: ${step.name}` }, true);
        return;
      }
      if (step.actionOnFailure === 'CANCEL_AND_WAIT') {
        for (const pending of this.cluster.steps) {
          if (pending.state === 'PENDING')
            Object.assign(pending, {
              state: 'CANCELLED',
              ended: new Date(),
              reason: { Message: `Cancelled after step ${step.name} failed.` },
            });
        }
      }
    }
    this.schedule();
  }

  private armIdleTimer(): void {
    this.clearIdleTimer();
    const idleSeconds = this.cluster.idleTimeoutSeconds;
    if (idleSeconds === undefined) return;
    this.idleTimer = setTimeout(
      () => {
        if (this.cluster.state === 'WAITING')
          this.terminate({
            Code: 'ALL_STEPS_COMPLETED',
            Message: `Auto-termination policy: the cluster was idle for ${idleSeconds} seconds.`,
          });
      },
      idleSeconds * 1000 * this.options.timeScale,
    );
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private requestSpot(fleet: Fleet, units: number, atLaunch: boolean): void {
    if (!this.options.faults.spotUnavailable) {
      this.provision(fleet, units, 'SPOT', 'PROVISIONING');
      this.after(this.options.timings.resizeMs, () => this.active && this.setInstances('PROVISIONING', 'RUNNING', fleet));
      return;
    }
    const spot = fleet.launchSpecifications?.SpotSpecification;
    const timeoutMs = (spot?.TimeoutDurationMinutes ?? 60) * 60_000 * this.options.timeScale;
    fleet.reason = { Code: 'CAPACITY_UNAVAILABLE', Message: 'Waiting for spot capacity.' };
    this.after(timeoutMs, () => {
      if (!this.active || !atLaunch) return;
      if (spot?.TimeoutAction === 'TERMINATE_CLUSTER') {
        return this.terminate(
          {
            Code: 'INSTANCE_FLEET_TIMEOUT',
            Message: `Spot capacity for fleet ${fleet.name} was not available within the provisioning timeout.`,
          },
          true,
        );
      }
      this.provision(fleet, units, 'ON_DEMAND', 'RUNNING');
      fleet.reason = { Message: 'Spot capacity was not available: switched to on-demand.' };
    });
  }

  private provision(fleet: Fleet, units: number, market: Instance['market'], state: Instance['state']): void {
    const instanceType = fleet.instanceTypeConfigs[0]?.InstanceType ?? 'm5.xlarge';
    for (let index = 0; index < units; index += 1) {
      this.cluster.instances.push({
        id: newInstanceId(),
        ec2InstanceId: newEc2InstanceId(),
        fleetId: fleet.id,
        market,
        instanceType,
        state,
        created: new Date(),
        ...(state === 'RUNNING' ? { ready: new Date() } : {}),
      });
    }
  }

  private shrink(fleet: Fleet, market: Instance['market'], target: number): void {
    const live = this.cluster.instances.filter(
      (instance) => instance.fleetId === fleet.id && instance.market === market && instance.state !== 'TERMINATED',
    );
    for (const instance of live.slice(Math.max(0, target))) Object.assign(instance, { state: 'TERMINATED', ended: new Date() });
  }

  private count(fleet: Fleet, market: Instance['market']): number {
    return this.cluster.instances.filter(
      (instance) => instance.fleetId === fleet.id && instance.market === market && instance.state !== 'TERMINATED',
    ).length;
  }

  private setInstances(from: Instance['state'], to: Instance['state'], fleet?: Fleet): void {
    for (const instance of this.cluster.instances) {
      if (instance.state !== from || (fleet && instance.fleetId !== fleet.id)) continue;
      instance.state = to;
      if (to === 'RUNNING') instance.ready = new Date();
    }
  }

  private markRunning(fleet: Fleet): void {
    fleet.state = 'RUNNING';
    fleet.ready ??= new Date();
    fleet.reason = {};
  }

  private setState(state: Cluster['state'], reason: StateChangeReason = {}): void {
    this.cluster.state = state;
    this.cluster.reason = reason;
    this.options.onStateChange?.(this.cluster);
  }

  private after(ms: number, action: () => unknown): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void action();
    }, ms);
    this.timers.add(timer);
  }
}
