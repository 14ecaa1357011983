// The subset of the Amazon States Language (JSONPath query language) the workflows use, typed.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

export interface Catcher {
  ErrorEquals: string[];
  ResultPath?: string | null;
  Next: string;
}

type Transition = { Next: string; End?: never } | { End: true; Next?: never };

interface Common {
  Comment?: string;
}

interface Paths {
  InputPath?: string | null;
  OutputPath?: string | null;
  ResultPath?: string | null;
}

export type TaskState = Common &
  Paths &
  Transition & {
    Type: 'Task';
    Resource: string;
    Parameters?: JsonObject;
    ResultSelector?: JsonObject;
    TimeoutSeconds?: number;
    Retry?: Retrier[];
    Catch?: Catcher[];
  };

export type PassState = Common &
  Paths &
  Transition & {
    Type: 'Pass';
    Parameters?: JsonObject;
    Result?: Json;
  };

export type WaitState = Common & Paths & Transition & { Type: 'Wait'; Seconds: number };

export interface DataTest {
  Variable: string;
  StringEquals?: string;
  StringMatches?: string;
  IsPresent?: boolean;
  BooleanEquals?: boolean;
}

export type ChoiceRule = (DataTest | { And: ChoiceCondition[] } | { Or: ChoiceCondition[] } | { Not: ChoiceCondition }) & {
  Next: string;
};
export type ChoiceCondition = DataTest | { And: ChoiceCondition[] } | { Or: ChoiceCondition[] } | { Not: ChoiceCondition };

export type ChoiceState = Common & {
  Type: 'Choice';
  Choices: ChoiceRule[];
  Default?: string;
  InputPath?: string;
  OutputPath?: string;
};

export type SucceedState = Common & { Type: 'Succeed'; InputPath?: string; OutputPath?: string };

export type FailState = Common & { Type: 'Fail'; Error?: string; Cause?: string; ErrorPath?: string; CausePath?: string };

export type MapState = Common &
  Paths &
  Transition & {
    Type: 'Map';
    ItemsPath: string;
    ItemSelector?: JsonObject;
    MaxConcurrency?: number;
    ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }; StartAt: string; States: States };
    ResultSelector?: JsonObject;
    Retry?: Retrier[];
    Catch?: Catcher[];
  };

export type State = TaskState | PassState | WaitState | ChoiceState | SucceedState | FailState | MapState;
export type States = Record<string, State>;

export interface StateMachineDefinition {
  Comment: string;
  StartAt: string;
  States: States;
  TimeoutSeconds?: number;
}
