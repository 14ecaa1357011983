import unittest

from data_pipeline_spark.statements import Statement, UnterminatedError, split_statements


class SplitStatementsTest(unittest.TestCase):
    def test_returns_statements_with_their_start_lines_when_separated_by_semicolons(self):
        # act
        statements = split_statements('SELECT 1;\n\nSELECT 2;\nSELECT\n  3')
        # assess
        self.assertEqual(statements, [Statement('SELECT 1', 1), Statement('SELECT 2', 3), Statement('SELECT\n  3', 4)])

    def test_returns_semicolons_inside_quotes_as_part_of_the_statement(self):
        # act
        statements = split_statements("SELECT 'a;b', \"c;d\", `e;f` FROM t; SELECT 2")
        # assess
        self.assertEqual([s.text for s in statements], ["SELECT 'a;b', \"c;d\", `e;f` FROM t", 'SELECT 2'])

    def test_returns_escaped_quotes_inside_strings_without_ending_them(self):
        # act
        statements = split_statements("SELECT 'it\\'s; fine', '\\\\'; SELECT 2")
        # assess
        self.assertEqual([s.text for s in statements], ["SELECT 'it\\'s; fine', '\\\\'", 'SELECT 2'])

    def test_returns_no_comments_when_line_and_block_comments_hold_semicolons(self):
        # act
        statements = split_statements("-- first; comment\nSELECT 1 -- trailing; comment\n;\n/* block;\ncomment */ SELECT '--not a comment'")
        # assess
        self.assertEqual([s.text for s in statements], ['SELECT 1', "SELECT '--not a comment'"])
        self.assertEqual([s.line for s in statements], [2, 5])

    def test_returns_nothing_when_the_script_holds_only_comments_and_semicolons(self):
        # act
        statements = split_statements('-- nothing\n;;\n/* here */;')
        # assess
        self.assertEqual(statements, [])

    def test_throws_unterminated_error_when_a_quote_is_never_closed(self):
        # act / assess
        with self.assertRaisesRegex(UnterminatedError, 'opened on line 2'):
            split_statements("SELECT 1;\nSELECT 'open")

    def test_throws_unterminated_error_when_a_block_comment_is_never_closed(self):
        # act / assess
        with self.assertRaisesRegex(UnterminatedError, 'block comment opened on line 1'):
            split_statements('/* open\nSELECT 1;')


if __name__ == '__main__':
    unittest.main()
