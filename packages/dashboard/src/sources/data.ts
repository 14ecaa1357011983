// The warehouse's data, straight from Spark SQL on the local catalog: one chart per sample table.
import type { Services } from '@data-pipeline/local';
import { getEnvironment, getTable, warehouseTable } from '@data-pipeline/model';
import { type ChartData, pivotSeries, singleSeries } from '../shaping/series';

export interface TableChart {
  table: string;
  title: string;
  kind: 'bar' | 'line';
  /** What the axes show. */
  x: string;
  y: string;
  sql: string;
  data: ChartData;
}

interface ChartSpec {
  table: string;
  title: string;
  kind: TableChart['kind'];
  x: string;
  y: string;
  sql: string;
  shape: (rows: string[][]) => ChartData;
}

const qualified = (table: string) => warehouseTable(getEnvironment('local'), getTable(table)).qualifiedName;

function chartSpecs(): ChartSpec[] {
  const fact = qualified('sample_country_tx_fact');
  const dimension = qualified('sample_country_dim');
  return [
    {
      table: 'sample_country_tx_fact',
      title: 'Amount per country per date',
      kind: 'bar',
      x: 'date_id',
      y: 'sum of tx_amount',
      // A country id missing from the dimension still shows, by its id.
      sql: `SELECT COALESCE(d.country_name, CONCAT('country ', CAST(f.country_id AS STRING))), CAST(f.date_id AS STRING), CAST(SUM(f.tx_amount) AS STRING)
FROM ${fact} f LEFT JOIN ${dimension} d ON f.country_id = d.id
GROUP BY 1, 2`,
      shape: pivotSeries,
    },
    {
      table: 'sample_country_dim',
      title: 'Transactions per country',
      kind: 'bar',
      x: 'country_name',
      y: 'fact rows',
      sql: `SELECT d.country_name, CAST(COUNT(f.tx_id) AS STRING)
FROM ${dimension} d LEFT JOIN ${fact} f ON f.country_id = d.id
GROUP BY d.country_name ORDER BY d.country_name`,
      shape: (rows) => singleSeries('transactions', rows),
    },
  ];
}

/** Spark (unlike Hive) refuses to read an external table whose location holds no object yet: no rows. */
async function rowsOf(services: Services, sql: string): Promise<string[][]> {
  try {
    return (await services.query(sql)).rows;
  } catch (error) {
    if (/PATH_NOT_FOUND/.test((error as Error).message)) return [];
    throw error;
  }
}

export async function tableCharts(services: Services): Promise<TableChart[]> {
  const charts: TableChart[] = [];
  for (const { shape, ...spec } of chartSpecs()) charts.push({ ...spec, data: shape(await rowsOf(services, spec.sql)) });
  return charts;
}
