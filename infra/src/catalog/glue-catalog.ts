import { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import { GlueCatalogTable } from '@cdktf/provider-aws/lib/glue-catalog-table';
import { type GlueColumn, type GlueTableDefinition, glueDatabases, glueTables, stagingFolder, warehouseFolder } from '@data-pipeline/model';
import { Construct } from 'constructs';

function columns(list: GlueColumn[]) {
  return list.map((column) => ({ name: column.Name, type: column.Type, ...(column.Comment ? { comment: column.Comment } : {}) }));
}

/** The Glue Data Catalog of the pipeline (the metastore of Hive, Spark and Athena), derived from the model. */
export class GlueCatalog extends Construct {
  readonly databases: Map<string, GlueCatalogDatabase> = new Map();
  readonly tables: GlueCatalogTable[] = [];
  /** Construct ids use the base names (fact_db), so both stacks hold the same Terraform addresses. */
  private readonly baseNames: Map<string, string> = new Map();

  /**
   * @param env the environment, whose name every database carries (dev_fact_db): the catalog is shared by the account
   * @param bucket the work-area bucket's name: locations are s3://<bucket>/…
   */
  constructor(scope: Construct, id: string, env: { name: string }, bucket: string) {
    super(scope, id);
    for (const database of glueDatabases(env, bucket)) {
      const base = database.zone === 'stage' ? stagingFolder(database.kind) : warehouseFolder(database.kind);
      this.baseNames.set(database.Name, base);
      this.databases.set(
        database.Name,
        new GlueCatalogDatabase(this, `database-${base}`, {
          name: database.Name,
          description: database.Description,
          locationUri: database.LocationUri,
        }),
      );
    }
    for (const definition of glueTables(env, bucket)) this.tables.push(this.table(definition));
  }

  private table(definition: GlueTableDefinition): GlueCatalogTable {
    const { TableInput: input } = definition;
    const database = this.databases.get(definition.DatabaseName);
    const descriptor = input.StorageDescriptor;
    return new GlueCatalogTable(this, `table-${this.baseNames.get(definition.DatabaseName) ?? definition.DatabaseName}-${input.Name}`, {
      databaseName: database ? database.name : definition.DatabaseName,
      name: input.Name,
      description: input.Description,
      tableType: input.TableType,
      parameters: input.Parameters,
      partitionKeys: columns(input.PartitionKeys),
      storageDescriptor: {
        location: descriptor.Location,
        inputFormat: descriptor.InputFormat,
        outputFormat: descriptor.OutputFormat,
        compressed: descriptor.Compressed,
        storedAsSubDirectories: descriptor.StoredAsSubDirectories,
        columns: columns(descriptor.Columns),
        serDeInfo: { serializationLibrary: descriptor.SerdeInfo.SerializationLibrary, parameters: descriptor.SerdeInfo.Parameters },
      },
    });
  }

  get databaseNames(): string[] {
    return [...this.databases.keys()];
  }
}
