import unittest

from data_pipeline_spark.arguments import UsageError, parse_program, script_request


class ParseProgramTest(unittest.TestCase):
    def test_returns_spark_conf_hiveconf_and_variables_of_a_spark_sql_command_line(self):
        # act
        args = parse_program(
            'spark-sql',
            ['--conf', 'spark.sql.ansi.enabled=false', '--hiveconf', 'hive.exec.dynamic.partition.mode=nonstrict', '-v', '-f', 's3://b/x.hql',
             '-d', 'A=1', '--conf=spark.sql.session.timeZone=UTC'],
        )
        request = script_request(args, 'spark-sql')
        # assess
        self.assertEqual(request.program, 'spark-sql')
        self.assertEqual(request.conf, {'spark.sql.ansi.enabled': 'false', 'spark.sql.session.timeZone': 'UTC'})
        self.assertEqual(request.hiveconf, {'hive.exec.dynamic.partition.mode': 'nonstrict'})
        self.assertEqual((request.file, request.hivevars, request.verbose), ('s3://b/x.hql', {'A': '1'}, True))

    def test_raises_a_usage_error_naming_a_spark_submit_option_the_shared_session_cannot_honour(self):
        # act / assess
        with self.assertRaisesRegex(UsageError, r'spark-sql: --driver-memory is not supported by the local engine'):
            parse_program('spark-sql', ['--driver-memory', '4g', '-e', 'SELECT 1'])

    def test_raises_a_usage_error_for_conf_in_a_hive_command_line(self):
        # act / assess
        with self.assertRaises(UsageError):
            parse_program('hive', ['--conf', 'spark.sql.ansi.enabled=false', '-e', 'SELECT 1'])

    def test_raises_a_usage_error_for_an_unknown_program(self):
        # act / assess
        with self.assertRaisesRegex(UsageError, "unknown program 'beeline'"):
            parse_program('beeline', ['-e', 'SELECT 1'])


if __name__ == '__main__':
    unittest.main()
