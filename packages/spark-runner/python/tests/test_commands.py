import unittest

from data_pipeline_spark.commands import Command, classify


class ClassifyTest(unittest.TestCase):
    def test_returns_a_set_command_with_key_and_value(self):
        # act / assess
        self.assertEqual(classify('SET hive.exec.dynamic.partition.mode = nonstrict'), Command('set', 'hive.exec.dynamic.partition.mode', 'nonstrict'))

    def test_returns_show_set_when_set_has_a_key_without_value(self):
        # act / assess
        self.assertEqual(classify('set hivevar:X'), Command('show-set', key='hivevar:X'))

    def test_returns_show_all_set_for_a_bare_set(self):
        # act / assess
        self.assertEqual(classify('set'), Command('show-all-set'))

    def test_returns_source_with_the_path(self):
        # act / assess
        self.assertEqual(classify('source /tmp/a.hql'), Command('source', value='/tmp/a.hql'))

    def test_returns_unsupported_for_dfs_and_shell_commands(self):
        # act / assess
        self.assertEqual(classify('dfs -ls /').kind, 'unsupported')
        self.assertEqual(classify('!ls').kind, 'unsupported')

    def test_returns_sql_for_statements_that_merely_start_like_commands(self):
        # act / assess
        self.assertEqual(classify('settings_table_select').kind, 'sql')
        self.assertEqual(classify('SELECT 1').kind, 'sql')


if __name__ == '__main__':
    unittest.main()
