import os
import unittest
from unittest import mock

from data_pipeline_spark.variables import UndefinedVariableError, parse_assignment, substitute


def no_conf(_key):
    return None


class SubstituteTest(unittest.TestCase):
    def test_returns_hivevar_values_for_plain_and_namespaced_references(self):
        # act
        text = substitute("LOCATION '${hivevar:ROOT}/x' -- ${ROOT}", {'ROOT': 's3://b'}, no_conf)
        # assess
        self.assertEqual(text, "LOCATION 's3://b/x' -- s3://b")

    def test_returns_configuration_values_when_no_hive_variable_has_the_name(self):
        # prepare
        conf = {'hive.exec.dynamic.partition.mode': 'nonstrict'}.get
        # act
        text = substitute('${hiveconf:hive.exec.dynamic.partition.mode} ${hive.exec.dynamic.partition.mode}', {}, conf)
        # assess
        self.assertEqual(text, 'nonstrict nonstrict')

    def test_returns_the_hive_variable_before_the_configuration_value_of_the_same_name(self):
        # act
        text = substitute('${X}', {'X': 'variable'}, {'X': 'conf'}.get)
        # assess
        self.assertEqual(text, 'variable')

    def test_returns_nested_references_resolved(self):
        # act
        text = substitute('${A}', {'A': '${B}/a', 'B': 'root'}, no_conf)
        # assess
        self.assertEqual(text, 'root/a')

    def test_returns_environment_values_for_env_references(self):
        # prepare
        with mock.patch.dict(os.environ, {'DP_TEST_VALUE': 'from-env'}):
            # act
            text = substitute('${env:DP_TEST_VALUE}', {}, no_conf)
        # assess
        self.assertEqual(text, 'from-env')

    def test_throws_undefined_variable_error_naming_the_reference_when_it_is_unknown(self):
        # act / assess
        with self.assertRaises(UndefinedVariableError) as caught:
            substitute('SELECT ${hivevar:MISSING}', {'OTHER': '1'}, no_conf)
        self.assertIn('${hivevar:MISSING}', str(caught.exception))
        self.assertIn('-d MISSING=VALUE', str(caught.exception))


class ParseAssignmentTest(unittest.TestCase):
    def test_returns_name_and_value_split_at_the_first_equals_sign(self):
        # act / assess
        self.assertEqual(parse_assignment('URL=s3://b/k?a=b', '-d'), ('URL', 's3://b/k?a=b'))

    def test_throws_value_error_naming_the_option_when_there_is_no_equals_sign(self):
        # act / assess
        with self.assertRaisesRegex(ValueError, '-d expects NAME=VALUE'):
            parse_assignment('NOVALUE', '-d')


if __name__ == '__main__':
    unittest.main()


class SparkNamespacesTest(unittest.TestCase):
    def test_returns_the_configuration_for_spark_and_sparkconf_references(self):
        # prepare
        conf = {'spark.sql.session.timeZone': 'UTC'}.get
        # act
        text = substitute('${spark:spark.sql.session.timeZone} ${sparkconf:spark.sql.session.timeZone}', {}, conf)
        # assess
        self.assertEqual(text, 'UTC UTC')
