using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Tests.Sqlite;

namespace TradingAlerts.Tests.Mql5;

/// <summary>
/// The MQL5 DataCollector service cannot be compiled or run here, so these tests read its source:
/// the table DDL (between <c>// BEGIN SCHEMA</c> and <c>// END SCHEMA</c>), the upsert column list
/// (<c>// BEGIN UPSERT</c> … <c>// END UPSERT</c>) and the catalogue lists of SymbolUtils.mqh
/// (<c>// BEGIN CATALOGUE</c> … <c>// END CATALOGUE</c>) must equal sql/sqlite_schema.sql and the C#
/// catalogue, so the service and the grid cannot drift apart.
/// </summary>
public class Mql5SchemaDriftTests
{
    private const string ServiceFile = "Services/DataCollector.mq5";
    private const string SymbolUtilsFile = "Include/SymbolUtils.mqh";
    private const string IndicatorBuffersFile = "Include/IndicatorBuffers.mqh";

    public static TheoryData<string> AllSymbols() => [.. Symbols.All];

    public static TheoryData<string> Mql5Files() => [ServiceFile, SymbolUtilsFile, IndicatorBuffersFile];

    // ---- DDL -------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(AllSymbols))]
    public void Mql5_columns_are_the_committed_sqlite_columns(string symbol)
    {
        var committed = CommittedTable(symbol);
        var mql5 = Mql5SchemaColumns();

        Assert.Equal(committed.Columns, mql5);
        Assert.Equal(
            ["timeframe", "timestamp", "open", "high", "low", "close", .. IndicatorCatalogue.Columns.Select(c => c.Name), "seq", "written_at",
             "tick_volume", "spread", "real_volume"],
            mql5.Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(AllSymbols))]
    public void Mql5_primary_key_and_seq_index_are_the_committed_ones(string symbol)
    {
        var committed = CommittedTable(symbol);
        var schema = Block(ReadMql5(ServiceFile), "SCHEMA");

        Assert.Equal(["timeframe", "timestamp"], committed.PrimaryKey);
        Assert.Equal(committed.PrimaryKey, PrimaryKeyColumns(StringConstant(schema, "SCHEMA_PRIMARY_KEY")));

        var index = string.Format(CultureInfo.InvariantCulture, ToCompositeFormat(StringConstant(schema, "SCHEMA_SEQ_INDEX")),
            symbol.ToLowerInvariant(), symbol);
        Assert.Equal(committed.SeqIndex, index);
        Assert.Equal($"CREATE UNIQUE INDEX IF NOT EXISTS idx_{symbol.ToLowerInvariant()}_seq ON {symbol} (seq);", index);
    }

    [Theory]
    [MemberData(nameof(AllSymbols))]
    public void Mql5_ddl_rebuilt_as_the_service_builds_it_is_the_committed_text(string symbol)
    {
        var schema = Block(ReadMql5(ServiceFile), "SCHEMA");
        var ddl = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"CREATE TABLE IF NOT EXISTS {CollectorSchemaScript.SqliteTable(symbol)} (\n");
        foreach (var definition in StringArray(schema, "SCHEMA_COLUMNS"))
        {
            ddl.Append("    ").Append(definition).Append(",\n");
        }

        ddl.Append("    ").Append(StringConstant(schema, "SCHEMA_PRIMARY_KEY")).Append("\n);\n")
           .Append(string.Format(CultureInfo.InvariantCulture, ToCompositeFormat(StringConstant(schema, "SCHEMA_SEQ_INDEX")),
               symbol.ToLowerInvariant(), symbol))
           .Append('\n');

        Assert.Contains(ddl.ToString(), CommittedSql(), StringComparison.Ordinal);
        Assert.Contains(ddl.ToString(), CollectorSchemaScript.Sqlite(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mql5_sets_the_committed_journal_mode()
    {
        var pragma = StringConstant(Block(ReadMql5(ServiceFile), "SCHEMA"), "SCHEMA_PRAGMA");

        Assert.Equal("PRAGMA journal_mode = WAL;", pragma);
        Assert.Contains("\n" + pragma + "\n", CommittedSql(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mql5_creates_the_committed_file_identity_when_it_opens_the_file()
    {
        var schema = Block(ReadMql5(ServiceFile), "SCHEMA");
        var table = StringConstant(schema, "SCHEMA_IDENTITY_TABLE");
        var row = StringConstant(schema, "SCHEMA_IDENTITY_ROW");

        Assert.Equal(CollectorSchemaScript.SqliteIdentityTable, table);
        Assert.Equal(CollectorSchemaScript.SqliteIdentityRow, row);
        Assert.Contains("\n" + table + "\n" + row + "\n", CommittedSql(), StringComparison.Ordinal);
        var service = WithoutComments(ReadMql5(ServiceFile));
        Assert.Contains("DatabaseExecute(g_db, SCHEMA_IDENTITY_TABLE) || !DatabaseExecute(g_db, SCHEMA_IDENTITY_ROW)", service, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_statements_run_as_mql5_runs_them_give_a_file_one_random_id_that_a_reopen_keeps()
    {
        using var first = new ScratchCollectorFile();
        using var second = new ScratchCollectorFile();
        var schema = Block(ReadMql5(ServiceFile), "SCHEMA");
        foreach (var path in new[] { first.Path, second.Path, first.Path })
        {
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            foreach (var statement in new[] { StringConstant(schema, "SCHEMA_IDENTITY_TABLE"), StringConstant(schema, "SCHEMA_IDENTITY_ROW") })
            {
                using var command = connection.CreateCommand();
                command.CommandText = statement;
                command.ExecuteNonQuery();
            }
        }

        var a = new CollectorReader(first.Path).FileId();
        var b = new CollectorReader(second.Path).FileId();
        Assert.Matches("^[0-9a-f]{32}$", a);
        Assert.Matches("^[0-9a-f]{32}$", b);
        Assert.NotEqual(a, b);
    }

    // ---- Upsert ----------------------------------------------------------------------------------

    [Fact]
    public void Upsert_binds_every_committed_column_but_seq_in_table_order()
    {
        var committed = CommittedTable("EURUSD").Columns.Select(c => c.Name).Where(n => n != "seq");

        Assert.Equal(committed, StringArray(Block(ReadMql5(ServiceFile), "UPSERT"), "UPSERT_COLUMNS"));
    }

    [Fact]
    public void Upsert_parameter_indexes_follow_the_column_list()
    {
        var upsert = Block(ReadMql5(ServiceFile), "UPSERT");
        var columns = StringArray(upsert, "UPSERT_COLUMNS");
        var members = EnumMembers(upsert, "ENUM_UPSERT_PARAM");

        Assert.Equal(columns.Select(c => "P_" + c.ToUpperInvariant()), members.Select(m => m.Name));
        Assert.Equal("0", members[0].Value);
        Assert.All(members.Skip(1), m => Assert.Null(m.Value));
    }

    [Fact]
    public void Upsert_conflict_target_is_the_committed_primary_key()
    {
        Assert.Equal(CommittedTable("EURUSD").PrimaryKey, StringArray(Block(ReadMql5(ServiceFile), "UPSERT"), "CONFLICT_COLUMNS"));
    }

    [Fact]
    public void Upsert_is_prepared_with_bound_values_and_computes_seq()
    {
        var service = WithoutComments(ReadMql5(ServiceFile));

        string[] required =
        [
            "DatabasePrepare(g_db, BuildUpsertSql(", "\"ON CONFLICT (\"", "\") DO UPDATE SET \"",
            "\"(SELECT COALESCE(MAX(seq), 0) + 1 FROM \"", "\"seq = excluded.seq\\n\"", "\" IS NOT excluded.\"",
            "\"NULLIF(\"", "DatabaseBind(request, P_WRITTEN_AT, written_at)", "DatabaseTransactionBegin(g_db)",
            "DatabaseTransactionCommit(g_db)", "DatabaseTransactionRollback(g_db)", "DATABASE_OPEN_COMMON",
            "IndicatorRelease(", "DatabaseFinalize(", "DatabaseClose(g_db)", "IsStopped()",
        ];
        Assert.All(required, fragment => Assert.Contains(fragment, service, StringComparison.Ordinal));
        Assert.DoesNotMatch(new Regex(@"StringFormat\([^;]*\b(INSERT|UPDATE|VALUES)\b"), service);
        Assert.DoesNotMatch(new Regex(@"DatabaseExecute\([^;]*\b(INSERT|UPDATE|VALUES)\b"), service);
    }

    /// <summary>
    /// The statement <c>BuildUpsertSql</c> produces, rebuilt here from the service's own column lists,
    /// run against the committed schema: the '' sentinel becomes NULL, seq is max + 1 on every insert and
    /// real update, an unchanged rewrite keeps its seq, and the grid's reader accepts every row.
    /// </summary>
    [Fact]
    public void Upsert_built_from_the_mql5_lists_round_trips_through_the_collector_reader()
    {
        using var file = new ScratchCollectorFile();
        var upsert = Block(ReadMql5(ServiceFile), "UPSERT");
        var columns = StringArray(upsert, "UPSERT_COLUMNS");
        var nullable = Mql5SchemaColumns().Where(c => !c.NotNull).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var sql = UpsertSql("EURUSD", columns, StringArray(upsert, "CONFLICT_COLUMNS"), nullable);

        using (var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
        {
            connection.Open();
            SqliteCollectorSchema.EnsureCreated(connection);
            const string keltner = "{\"upper\":[1.1,1.2,1.3,1.4,1.5],\"middle\":1,\"lower\":[0.9,0.8,0.7,0.6,0.5]}";
            const string points = "{\"peaks\":[{\"time\":1641340500,\"price\":1.13}],\"bottoms\":[]}";
            object[] full = ["M5", 1_641_340_800L, 1.13, 1.14, 1.12, 1.135, points, "{\"peak_lines\":[],\"bottom_lines\":[]}",
                "{\"ascending\":[],\"descending\":[]}", "[]", keltner, 1.131, 1.132, 1.133, points, 1_700_000_000_000L, 1234L, 12L, 5L];
            object[] empty = ["M5", 1_641_341_100L, 1.135, 1.136, 1.134, 1.1355, "", "", "", "", "", "", "", "", "", 1_700_000_000_000L, 0L, 0L, 0L];

            Assert.Equal(1, Execute(connection, sql, columns, full));
            Assert.Equal(1, Execute(connection, sql, columns, empty));
            Assert.Equal(0, Execute(connection, sql, columns, With(full, (15, 1_700_000_030_000L))));
            Assert.Equal(1, Execute(connection, sql, columns, With(empty, (5, 1.1356), (15, 1_700_000_030_000L))));
        }

        var read = new CollectorReader(file.Path).Read("EURUSD", 0, 10);

        Assert.Empty(read.Quarantined);
        Assert.Equal([1L, 3L], read.Rows.Select(r => r.Seq));
        Assert.Equal([1_641_340_800L, 1_641_341_100L], read.Rows.Select(r => r.Time));
        Assert.Equal([1_700_000_000_000L, 1_700_000_030_000L], read.Rows.Select(r => r.WrittenAtMs));
        var first = read.Rows[0].Indicators;
        Assert.Equal(new double?[] { 1.131, 1.132, 1.133 }, new[] { first.Tema, first.Hrma, first.Smma });
        Assert.Equal("[]", first.MomentumCandles);
        var second = read.Rows[1];
        Assert.Equal(1.1356, second.Close);
        Assert.Equal(
            new string?[] { null, null, null, null, null, null },
            new[] { second.Indicators.Fractals, second.Indicators.HorizontalTrendlines, second.Indicators.DiagonalTrendlines,
                second.Indicators.MomentumCandles, second.Indicators.KeltnerChannels, second.Indicators.ZigZag });
        Assert.Equal(new double?[] { null, null, null }, new[] { second.Indicators.Tema, second.Indicators.Hrma, second.Indicators.Smma });
        Assert.Equal([(1234L, 12, 5L), (0L, 0, 0L)], read.Rows.Select(r => (r.TickVolume, r.Spread, r.RealVolume)));
    }

    /// <summary>
    /// A file an earlier service version created (no volume columns), with a row: the reader reads it with volumes 0; the
    /// service's own ADD COLUMN statements, built from its constants as AddMissingColumns builds them, add exactly the
    /// missing columns and keep the row; then the service's upsert stores volumes, and a change of the tick volume alone
    /// is a change (a new seq), as a forming bar's growing volume must be.
    /// </summary>
    [Fact]
    public void A_file_from_before_the_volume_columns_reads_as_0_and_the_services_migration_adds_them_keeping_its_rows()
    {
        using var file = new ScratchCollectorFile();
        var schema = Block(ReadMql5(ServiceFile), "SCHEMA");
        var definitions = StringArray(schema, "SCHEMA_COLUMNS");
        string[] volumes = ["tick_volume", "spread", "real_volume"];
        var old = definitions.Where(d => !volumes.Contains(ParseColumn(d).Name)).ToList();
        Assert.Equal(definitions.Count - 3, old.Count);
        using (var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
        {
            connection.Open();
            Run(connection, $"CREATE TABLE EURUSD (\n    {string.Join(",\n    ", old)},\n    {StringConstant(schema, "SCHEMA_PRIMARY_KEY")}\n);");
            Run(connection, "INSERT INTO EURUSD (timeframe, timestamp, open, high, low, close, seq, written_at) VALUES ('M5', 1641340800, 1.13, 1.14, 1.12, 1.135, 1, 1700000000000)");
        }

        var before = new CollectorReader(file.Path).Read("EURUSD", 0, 10);
        Assert.Empty(before.Quarantined);
        Assert.Equal([(1.135, 0L, 0, 0L)], before.Rows.Select(r => (r.Close, r.TickVolume, r.Spread, r.RealVolume)));

        var upsert = Block(ReadMql5(ServiceFile), "UPSERT");
        var columns = StringArray(upsert, "UPSERT_COLUMNS");
        var nullable = Mql5SchemaColumns().Where(c => !c.NotNull).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        using (var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
        {
            connection.Open();
            foreach (var definition in definitions)
            {
                var present = Query(connection, $"SELECT count(*) FROM pragma_table_info('EURUSD') WHERE name = '{ParseColumn(definition).Name}'");
                if (present == 0)
                {
                    Run(connection, string.Format(CultureInfo.InvariantCulture, ToCompositeFormat(StringConstant(schema, "SCHEMA_ADD_COLUMN")), "EURUSD", definition));
                }
            }

            Assert.Equal(definitions.Count, Query(connection, "SELECT count(*) FROM pragma_table_info('EURUSD')"));
            var sql = UpsertSql("EURUSD", columns, StringArray(upsert, "CONFLICT_COLUMNS"), nullable);
            object[] bar = ["M5", 1_641_341_100L, 1.135, 1.136, 1.134, 1.1355, "", "", "", "", "", "", "", "", "", 1_700_000_000_000L, 87L, 14L, 0L];
            Assert.Equal(1, Execute(connection, sql, columns, bar));
            Assert.Equal(0, Execute(connection, sql, columns, With(bar, (15, 1_700_000_030_000L))));
            Assert.Equal(1, Execute(connection, sql, columns, With(bar, (15, 1_700_000_030_000L), (16, 90L))));
        }

        var after = new CollectorReader(file.Path).Read("EURUSD", 0, 10);
        Assert.Empty(after.Quarantined);
        Assert.Equal([(1L, 1_641_340_800L, 0L, 0), (3L, 1_641_341_100L, 90L, 14)], after.Rows.Select(r => (r.Seq, r.Time, r.TickVolume, r.Spread)));
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    // ---- Catalogue -------------------------------------------------------------------------------

    [Fact]
    public void Mql5_symbols_are_the_catalogue_symbols()
    {
        Assert.Equal(Symbols.All, StringArray(Block(ReadMql5(SymbolUtilsFile), "CATALOGUE"), "CATALOGUE_SYMBOLS"));
    }

    [Fact]
    public void Mql5_broker_suffixes_are_the_catalogue_suffixes_in_order()
    {
        Assert.Equal(Symbols.BrokerSuffixes, StringArray(Block(ReadMql5(SymbolUtilsFile), "CATALOGUE"), "BROKER_SUFFIXES"));
    }

    [Fact]
    public void Mql5_timeframes_are_the_catalogue_timeframes_with_their_periods()
    {
        var catalogue = Block(ReadMql5(SymbolUtilsFile), "CATALOGUE");
        var names = Timeframes.All.Select(tf => tf.Name()).ToList();

        Assert.Equal(names, StringArray(catalogue, "TIMEFRAME_NAMES"));
        Assert.Equal(names.Select(n => "PERIOD_" + n), IdentifierArray(catalogue, "ENUM_TIMEFRAMES", "TIMEFRAME_PERIODS"));
    }

    [Fact]
    public void Service_has_one_name_input_per_indicator_column()
    {
        var inputs = Regex.Matches(ReadMql5(ServiceFile), @"^input\s+string\s+(Inp\w+Indicator)\s*=", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value);

        Assert.Equal(
            ["InpFractalsIndicator", "InpHorizontalIndicator", "InpDiagonalIndicator", "InpMomentumIndicator", "InpKeltnerIndicator",
             "InpTemaIndicator", "InpHrmaIndicator", "InpSmmaIndicator", "InpZigZagIndicator"],
            inputs);
        Assert.Equal(IndicatorCatalogue.Columns.Count, inputs.Count());
    }

    // ---- Service discipline ----------------------------------------------------------------------

    [Fact]
    public void Service_is_a_service_program()
    {
        Assert.Matches(new Regex(@"^#property\s+service\s*$", RegexOptions.Multiline), ReadMql5(ServiceFile));
    }

    [Theory]
    [MemberData(nameof(Mql5Files))]
    public void Mql5_source_never_falls_back_on_a_chart(string relativePath)
    {
        var source = ReadMql5(relativePath);

        Assert.DoesNotContain("_Symbol", source, StringComparison.Ordinal);
        Assert.DoesNotContain("PERIOD_CURRENT", source, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"\b_Period\b|\bSymbol\(\s*\)|\bPeriod\(\s*\)|\bChartSymbol\b"), source);
        Assert.DoesNotMatch(new Regex(@"\b(iCustom|iATR|CopyRates|iTime|Bars|iBarShift)\(\s*(NULL|"""")\s*,"), source);
    }

    [Fact]
    public void Indicators_and_prices_are_requested_for_an_explicit_symbol_and_period()
    {
        var source = WithoutComments(ReadMql5(ServiceFile)) + WithoutComments(ReadMql5(IndicatorBuffersFile));

        Assert.Contains("iCustom(broker, period, g_indicator_names[i])", source, StringComparison.Ordinal);
        Assert.Contains("iATR(broker, period, InpAtrPeriod)", source, StringComparison.Ordinal);
        Assert.Contains("CopyRates(broker, period, 0, bars, window.rates)", source, StringComparison.Ordinal);
    }

    // ---- Helpers ---------------------------------------------------------------------------------

    private sealed record Column(string Name, string Type, bool NotNull, bool DefaultZero = false);

    private sealed record Table(IReadOnlyList<Column> Columns, IReadOnlyList<string> PrimaryKey, string SeqIndex);

    private sealed record EnumMember(string Name, string? Value);

    private static string ReadMql5(string relativePath)
    {
        var path = Path.Combine(RepositoryRoot.Path, "mql5", relativePath);
        Assert.True(File.Exists(path), $"{path} is missing");
        return File.ReadAllText(path).ReplaceLineEndings("\n");
    }

    private static string CommittedSql() =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "sql", CollectorSchemaScript.SqliteFile)).ReplaceLineEndings("\n");

    /// <summary>The text between <c>// BEGIN name</c> and <c>// END name</c>, each present exactly once.</summary>
    private static string Block(string source, string name)
    {
        var begin = Regex.Matches(source, $@"^// BEGIN {name}\s*$", RegexOptions.Multiline);
        var end = Regex.Matches(source, $@"^// END {name}\s*$", RegexOptions.Multiline);
        Assert.True(begin.Count == 1 && end.Count == 1, $"expected one '// BEGIN {name}' and one '// END {name}' line");
        var start = begin[0].Index + begin[0].Length;
        Assert.True(end[0].Index > start, $"'// END {name}' comes before '// BEGIN {name}'");
        return source[start..end[0].Index];
    }

    private static string WithoutComments(string source) =>
        Regex.Replace(source, @"//[^\n]*", string.Empty);

    /// <summary>The string literals of <c>const string name[] = { … };</c>, which must hold nothing else.</summary>
    private static List<string> StringArray(string block, string name)
    {
        var body = ArrayBody(block, "string", name);
        var literals = Regex.Matches(body, @"""((?:[^""\\]|\\.)*)""");
        var rest = Regex.Replace(WithoutComments(body), @"""((?:[^""\\]|\\.)*)""", string.Empty);
        Assert.True(Regex.IsMatch(rest, @"^[\s,]*$"), $"{name} holds something other than string literals: '{rest.Trim()}'");
        return [.. literals.Select(m => Unescape(m.Groups[1].Value))];
    }

    /// <summary>The identifiers of <c>const type name[] = { A, B, … };</c>.</summary>
    private static List<string> IdentifierArray(string block, string type, string name)
    {
        var items = WithoutComments(ArrayBody(block, type, name))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        Assert.All(items, item => Assert.Matches(new Regex(@"^[A-Z_][A-Z0-9_]*$"), item));
        return items;
    }

    private static string ArrayBody(string block, string type, string name)
    {
        var matches = Regex.Matches(block, $@"\bconst\s+{type}\s+{name}\s*\[\s*\]\s*=\s*\{{(?<body>[^}}]*)\}}\s*;");
        Assert.True(matches.Count == 1, $"expected one 'const {type} {name}[] = {{ … }};' in the block, found {matches.Count}");
        return matches[0].Groups["body"].Value;
    }

    private static string StringConstant(string block, string name)
    {
        var matches = Regex.Matches(block, $@"\bconst\s+string\s+{name}\s*=\s*""(?<value>(?:[^""\\]|\\.)*)""\s*;");
        Assert.True(matches.Count == 1, $"expected one 'const string {name} = \"…\";' in the block, found {matches.Count}");
        return Unescape(matches[0].Groups["value"].Value);
    }

    private static List<EnumMember> EnumMembers(string block, string name)
    {
        var match = Regex.Match(block, $@"\benum\s+{name}\s*\{{(?<body>[^}}]*)\}}\s*;");
        Assert.True(match.Success, $"enum {name} not found in the block");
        return
        [
            .. WithoutComments(match.Groups["body"].Value)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(member => member.Split('=', StringSplitOptions.TrimEntries))
                .Select(parts => new EnumMember(parts[0], parts.Length > 1 ? parts[1] : null)),
        ];
    }

    private static string Unescape(string literal) =>
        Regex.Replace(literal, @"\\(.)", m => m.Groups[1].Value switch
        {
            "n" => "\n",
            "t" => "\t",
            "r" => "\r",
            var other => other,
        });

    /// <summary>MQL5's StringFormat placeholders (<c>%s</c>) as a .NET composite format.</summary>
    private static CompositeFormat ToCompositeFormat(string format)
    {
        Assert.DoesNotContain("{", format, StringComparison.Ordinal);
        var index = 0;
        return CompositeFormat.Parse(Regex.Replace(format, "%s", _ => "{" + (index++).ToString(CultureInfo.InvariantCulture) + "}"));
    }

    private static List<Column> Mql5SchemaColumns() =>
        [.. StringArray(Block(ReadMql5(ServiceFile), "SCHEMA"), "SCHEMA_COLUMNS").Select(ParseColumn)];

    /// <summary>"name TYPE [NOT NULL] [DEFAULT 0]" and nothing else (any other constraint fails the parse).</summary>
    private static Column ParseColumn(string definition)
    {
        var match = Regex.Match(definition.Trim(), @"^(?<name>[a-z_]+)\s+(?<type>TEXT|INTEGER|REAL)(?<notnull>\s+NOT\s+NULL)?(?<zero>\s+DEFAULT\s+0)?$");
        Assert.True(match.Success, $"unexpected column definition '{definition}'");
        return new Column(match.Groups["name"].Value, match.Groups["type"].Value, match.Groups["notnull"].Success, match.Groups["zero"].Success);
    }

    private static List<string> PrimaryKeyColumns(string clause)
    {
        var match = Regex.Match(clause.Trim(), @"^PRIMARY KEY \((?<columns>[^)]*)\)$");
        Assert.True(match.Success, $"unexpected primary key clause '{clause}'");
        return [.. match.Groups["columns"].Value.Split(',', StringSplitOptions.TrimEntries)];
    }

    /// <summary>Parses the table of <paramref name="symbol"/> and its seq index out of sql/sqlite_schema.sql.</summary>
    private static Table CommittedTable(string symbol)
    {
        var table = CollectorSchemaScript.SqliteTable(symbol);
        var sql = CommittedSql();
        var create = Regex.Match(sql, $@"^CREATE TABLE IF NOT EXISTS {table} \(\n(?<body>.*?)\n\);$", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(create.Success, $"table {table} not found in sql/{CollectorSchemaScript.SqliteFile}");
        var lines = create.Groups["body"].Value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd(','))
            .ToList();
        var primaryKey = lines.Where(l => l.StartsWith("PRIMARY KEY", StringComparison.Ordinal)).ToList();
        Assert.Single(primaryKey);
        var columns = lines.Where(l => !l.StartsWith("PRIMARY KEY", StringComparison.Ordinal)).Select(ParseColumn).ToList();

        var indexes = Regex.Matches(sql, $@"^CREATE UNIQUE INDEX IF NOT EXISTS \w+ ON {table} \(seq\);$", RegexOptions.Multiline);
        Assert.Single(indexes);
        return new Table(columns, PrimaryKeyColumns(primaryKey[0]), indexes[0].Value);
    }

    /// <summary>What DataCollector.mq5's BuildUpsertSql returns for <paramref name="table"/>.</summary>
    private static string UpsertSql(string table, List<string> columns, List<string> conflict, HashSet<string> nullable)
    {
        var placeholders = columns.Select((c, i) => nullable.Contains(c) ? $"NULLIF(?{i + 1}, '')" : $"?{i + 1}");
        var updated = columns.Where(c => !conflict.Contains(c)).ToList();
        return $"INSERT INTO {table} ({string.Join(", ", columns)}, seq)\n" +
               $"VALUES ({string.Join(", ", placeholders)}, (SELECT COALESCE(MAX(seq), 0) + 1 FROM {table}))\n" +
               $"ON CONFLICT ({string.Join(", ", conflict)}) DO UPDATE SET {string.Join(", ", updated.Select(c => $"{c} = excluded.{c}"))}, seq = excluded.seq\n" +
               $"WHERE {string.Join(" OR ", updated.Where(c => c != "written_at").Select(c => $"{table}.{c} IS NOT excluded.{c}"))}";
    }

    private static object[] With(object[] values, params (int Index, object Value)[] changes)
    {
        var copy = (object[])values.Clone();
        foreach (var (index, value) in changes)
        {
            copy[index] = value;
        }

        return copy;
    }

    private static int Execute(SqliteConnection connection, string sql, List<string> columns, object[] values)
    {
        Assert.Equal(columns.Count, values.Length);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("?" + (i + 1).ToString(CultureInfo.InvariantCulture), values[i]);
        }

        return command.ExecuteNonQuery();
    }
}
