import { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import { GlueCatalogTable } from '@cdktf/provider-aws/lib/glue-catalog-table';
import { type GlueColumn, type GlueTableDefinition, glueDatabases, glueTables } from '@data-pipeline/model';
import { Construct } from 'constructs';

function columns(list: GlueColumn[]) {
  return list.map((column) => ({ name: column.Name, type: column.Type, ...(column.Comment ? { comment: column.Comment } : {}) }));
}

/** The Glue Data Catalog of the pipeline (the metastore of Hive, Spark and Athena), derived from the model. */
export class GlueCatalog extends Construct {
  readonly databases: Map<string, GlueCatalogDatabase> = new Map();
  readonly tables: GlueCatalogTable[] = [];

  /** @param bucket the work-area bucket's name: locations are s3://<bucket>/… */
  constructor(scope: Construct, id: string, bucket: string) {
    super(scope, id);
    for (const database of glueDatabases(bucket)) {
      this.databases.set(
        database.Name,
        new GlueCatalogDatabase(this, `database-${database.Name}`, {
          name: database.Name,
          description: database.Description,
          locationUri: database.LocationUri,
        }),
      );
    }
    for (const definition of glueTables(bucket)) this.tables.push(this.table(definition));
  }

  private table(definition: GlueTableDefinition): GlueCatalogTable {
    const { TableInput: input } = definition;
    const database = this.databases.get(definition.DatabaseName);
    const descriptor = input.StorageDescriptor;
    return new GlueCatalogTable(this, `table-${definition.DatabaseName}-${input.Name}`, {
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
