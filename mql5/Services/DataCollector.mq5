//+------------------------------------------------------------------+
//|                                                DataCollector.mq5 |
//|                                               TradingAlerts Grid |
//| MetaTrader 5 service (bound to no chart): for every configured   |
//| symbol and each of the nine timeframes it reads the custom       |
//| indicators and upserts bars into one SQLite table per symbol     |
//| (sql/sqlite_schema.sql), which the grid's ingest agent tails by  |
//| seq. Every symbol and timeframe is explicit: a service has no    |
//| chart, hence no chart symbol or chart period to fall back on.    |
//+------------------------------------------------------------------+
#property service
#property copyright   "TradingAlerts Grid"
#property version     "2.00"
#property description "Writes bars and indicators of 15 symbols x 9 timeframes to SQLite for the TradingAlerts grid."

#include <SymbolUtils.mqh>
#include <IndicatorBuffers.mqh>

//--- inputs
input group "Collector"
input string InpSymbols       = "AUDJPY,AUDUSD,BTCUSD,ETHUSD,EURUSD,GBPJPY,GBPUSD,NDX100,NZDUSD,US30,USDCAD,USDCHF,USDJPY,XAGUSD,XAUUSD"; // Broker symbols, comma-separated (e.g. EURUSD.i,XAUUSD.i)
input string InpDatabasePath  = "TradingAlerts\\collector.db"; // SQLite file, relative to the common Files folder
input int    InpCycleSeconds  = 30;    // Cycle interval, seconds
input int    InpBackfillBars  = 1000;  // Backfill depth: closed bars per timeframe
input int    InpBusyTimeoutMs = 5000;  // SQLite busy timeout, ms

input group "Custom indicators (path under MQL5\\Indicators; empty = not collected, column NULL)"
input string InpFractalsIndicator   = "Fractal Horizontal Line_V5";                               // Fractals
input string InpHorizontalIndicator = "Fractal Horizontal Line_V5";                               // Horizontal trendlines
input string InpDiagonalIndicator   = "Fractal Diagonal Line_V4";                                 // Diagonal trendlines
input string InpMomentumIndicator   = "Body Size Momentum Candle_V2";                             // Momentum candles
input string InpKeltnerIndicator    = "Keltner Channel_ATF_10 Bands";                             // Keltner channels
input string InpTemaIndicator       = "TEMA_HRMA_SMA-SMMA_Modified Buffers";                      // TEMA
input string InpHrmaIndicator       = "TEMA_HRMA_SMA-SMMA_Modified Buffers";                      // HRMA
input string InpSmmaIndicator       = "TEMA_HRMA_SMA-SMMA_Modified Buffers";                      // SMMA
input string InpZigZagIndicator     = "ZigZagColor & MarketStructure_JSON Export_V27_TXT Input";  // ZigZag

input group "Buffer layout (see IndicatorBuffers.mqh)"
input int InpFractalPeakBuffer       = 0;  // Fractals: peak buffer
input int InpFractalBottomBuffer     = 1;  // Fractals: bottom buffer
input int InpHorizontalPeakBuffer    = 0;  // Horizontal lines: peak anchor buffer
input int InpHorizontalBottomBuffer  = 1;  // Horizontal lines: bottom anchor buffer
input int InpDiagonalPeakBuffer      = 0;  // Diagonal lines: peak anchor buffer
input int InpDiagonalBottomBuffer    = 1;  // Diagonal lines: bottom anchor buffer
input int InpMomentumBullBuffer      = 0;  // Momentum: bullish buffer
input int InpMomentumBearBuffer      = 1;  // Momentum: bearish buffer (same as bullish = signed buffer)
input int InpKeltnerMiddleBuffer     = 0;  // Keltner: middle buffer
input int InpKeltnerUpperFirstBuffer = 1;  // Keltner: first of 5 upper bands (inner -> outer)
input int InpKeltnerLowerFirstBuffer = 6;  // Keltner: first of 5 lower bands (inner -> outer)
input int InpTemaBuffer              = 0;  // TEMA buffer
input int InpHrmaBuffer              = 1;  // HRMA buffer
input int InpSmmaBuffer              = 2;  // SMMA buffer
input int InpZigZagPeakBuffer        = 0;  // ZigZag: swing-high buffer
input int InpZigZagBottomBuffer      = 1;  // ZigZag: swing-low buffer

input group "Structures"
input int    InpLookbackBars          = 100;  // Bars searched for fractals, zigzag and lines
input int    InpFractalConfirmBars    = 2;    // Bars after a fractal before it counts
input int    InpZigZagConfirmBars     = 0;    // Bars after a zigzag point before it counts
input int    InpLinesPerSide          = 3;    // Lines per side / direction
input double InpTouchAtrFraction      = 0.25; // A bar touches a line within this fraction of ATR
input int    InpAtrPeriod             = 10;   // ATR period (built-in iATR, touch tolerance only)
input int    InpMomentumAveragePeriod = 20;   // Bars averaged for the momentum body ratio

// BEGIN SCHEMA
//--- The collector table of one symbol, exactly as sql/sqlite_schema.sql (generated from the C#
//--- catalogue). Mql5SchemaDriftTests rebuilds the DDL from these constants and compares it with
//--- that file, so change both together. Column definitions are padded as in the file.
const string SCHEMA_PRAGMA = "PRAGMA journal_mode = WAL;";
const string SCHEMA_COLUMNS[] =
  {
   "timeframe             TEXT    NOT NULL",
   "timestamp             INTEGER NOT NULL",
   "open                  REAL    NOT NULL",
   "high                  REAL    NOT NULL",
   "low                   REAL    NOT NULL",
   "close                 REAL    NOT NULL",
   "fractals              TEXT",
   "horizontal_trendlines TEXT",
   "diagonal_trendlines   TEXT",
   "momentum_candles      TEXT",
   "keltner_channels      TEXT",
   "tema                  REAL",
   "hrma                  REAL",
   "smma                  REAL",
   "zigzag                TEXT",
   "seq                   INTEGER NOT NULL",
   "written_at            INTEGER NOT NULL",
   "tick_volume           INTEGER NOT NULL DEFAULT 0",
   "spread                INTEGER NOT NULL DEFAULT 0",
   "real_volume           INTEGER NOT NULL DEFAULT 0"
  };
//--- A table created before a column of SCHEMA_COLUMNS (tick_volume, spread, real_volume came last)
//--- gets it with this statement; StringFormat arguments: the table, then the column definition.
const string SCHEMA_ADD_COLUMN = "ALTER TABLE %s ADD COLUMN %s";
const string SCHEMA_PRIMARY_KEY = "PRIMARY KEY (timeframe, timestamp)";
//--- StringFormat arguments: the symbol in lower case, then the symbol (the table)
const string SCHEMA_SEQ_INDEX = "CREATE UNIQUE INDEX IF NOT EXISTS idx_%s_seq ON %s (seq);";
//--- The file's identity: a random id created with the file. A file recreated, restored or replaced
//--- at the same path has another id, so the grid's reader re-reads it instead of skipping its rows.
const string SCHEMA_IDENTITY_TABLE = "CREATE TABLE IF NOT EXISTS collector_file (id INTEGER PRIMARY KEY CHECK (id = 1), file_id TEXT NOT NULL, created_at INTEGER NOT NULL);";
const string SCHEMA_IDENTITY_ROW = "INSERT OR IGNORE INTO collector_file (id, file_id, created_at) VALUES (1, lower(hex(randomblob(16))), CAST(strftime('%s', 'now') AS INTEGER) * 1000);";
// END SCHEMA

// BEGIN UPSERT
//--- Columns the upsert binds, in parameter order: ?N is UPSERT_COLUMNS[N-1], bound with
//--- DatabaseBind index N-1 = the ENUM_UPSERT_PARAM value. seq is not bound: the statement
//--- computes it as MAX(seq) + 1. CONFLICT_COLUMNS is the primary key the upsert targets.
const string UPSERT_COLUMNS[] =
  {
   "timeframe", "timestamp", "open", "high", "low", "close",
   "fractals", "horizontal_trendlines", "diagonal_trendlines", "momentum_candles", "keltner_channels",
   "tema", "hrma", "smma", "zigzag", "written_at", "tick_volume", "spread", "real_volume"
  };
const string CONFLICT_COLUMNS[] = { "timeframe", "timestamp" };
enum ENUM_UPSERT_PARAM
  {
   P_TIMEFRAME = 0,
   P_TIMESTAMP,
   P_OPEN,
   P_HIGH,
   P_LOW,
   P_CLOSE,
   P_FRACTALS,
   P_HORIZONTAL_TRENDLINES,
   P_DIAGONAL_TRENDLINES,
   P_MOMENTUM_CANDLES,
   P_KELTNER_CHANNELS,
   P_TEMA,
   P_HRMA,
   P_SMMA,
   P_ZIGZAG,
   P_WRITTEN_AT,
   P_TICK_VOLUME,
   P_SPREAD,
   P_REAL_VOLUME
  };
// END UPSERT

//--- NULL binding. MQL5 cannot bind SQL NULL (DatabaseBind has no null overload, and DatabaseReset
//--- keeps the previous row's bindings, so "leave it unbound" is not an option). Every nullable
//--- column's placeholder is therefore NULLIF(?N, '') and "no value" is bound as this empty string:
//--- '' = '' yields NULL, while a real value never equals it (valid JSON text is never empty, and
//--- a number bound as REAL never compares equal to TEXT in SQLite). One prepared statement serves
//--- every row, and the stored column holds a REAL, a JSON text or NULL, never the sentinel.
const string NULL_SENTINEL = "";

//--- state of one symbol-timeframe pair
struct PairState
  {
   int               handles[COLLECTOR_INDICATORS]; // iCustom handles (equal names share one)
   int               atr;                           // iATR handle (touch tolerance)
   datetime          from;      // open time of the oldest bar the next cycle rewrites; 0 = nothing stored
   bool              resumed;   // `from` was read from the database
   string            notice;    // last "waiting" message logged, so each is logged once
  };

int             g_db = INVALID_HANDLE;
string          g_brokers[];   // broker names (prices, indicators)
string          g_tables[];    // catalogue symbols = table names
int             g_upserts[];   // prepared upsert per symbol
PairState       g_pairs[];     // symbol index * timeframes + timeframe index
string          g_indicator_names[COLLECTOR_INDICATORS];
CollectorLayout g_layout;
CBarWindow      g_window;      // reused for every pair
int             g_cycle = 0;

//+------------------------------------------------------------------+
//| Service entry point                                              |
//+------------------------------------------------------------------+
void OnStart()
  {
   if(!ValidateInputs())
      return;
   ConfigureIndicators();
   if(ParseBrokerSymbols(InpSymbols, g_brokers, g_tables) == 0)
     {
      Print("DataCollector: no valid symbol in the Symbols input; stopping");
      return;
     }
   if(!OpenDatabase())
      return;
   PrepareSymbols();
   InitPairs();

   PrintFormat("DataCollector: started, %d symbols x %d timeframes, every %d s, backfill %d bars, database %s",
               ArraySize(g_tables), ArraySize(TIMEFRAME_NAMES), InpCycleSeconds, InpBackfillBars, DatabaseLocation());

   while(!IsStopped())
     {
      ulong started = GetTickCount64();
      RunCycle();
      WaitForNextCycle(started);
     }

   Shutdown();
  }

//+------------------------------------------------------------------+
//| Rejects inputs that cannot work.                                 |
//+------------------------------------------------------------------+
bool ValidateInputs()
  {
   string problem = "";
   if(InpCycleSeconds < 1)
      problem = "Cycle interval must be at least 1 second";
   else if(InpBackfillBars < 0)
      problem = "Backfill depth must not be negative";
   else if(InpLookbackBars < 5)
      problem = "Lookback must be at least 5 bars";
   else if(InpLinesPerSide < 0 || InpFractalConfirmBars < 0 || InpZigZagConfirmBars < 0 || InpMomentumAveragePeriod < 1 || InpAtrPeriod < 1)
      problem = "Line count, confirmation bars, momentum and ATR periods must be positive";
   else if(InpTouchAtrFraction < 0.0)
      problem = "Touch ATR fraction must not be negative";
   else if(StringTrimmed(InpDatabasePath) == "")
      problem = "Database path is empty";
   if(problem == "")
      return(true);
   PrintFormat("DataCollector: invalid input: %s; stopping", problem);
   return(false);
  }

string StringTrimmed(const string text)
  {
   string trimmed = text;
   StringTrimLeft(trimmed);
   StringTrimRight(trimmed);
   return(trimmed);
  }

//+------------------------------------------------------------------+
//| Indicator names and the buffer layout from the inputs.           |
//+------------------------------------------------------------------+
void ConfigureIndicators()
  {
   g_indicator_names[CI_FRACTALS]   = StringTrimmed(InpFractalsIndicator);
   g_indicator_names[CI_HORIZONTAL] = StringTrimmed(InpHorizontalIndicator);
   g_indicator_names[CI_DIAGONAL]   = StringTrimmed(InpDiagonalIndicator);
   g_indicator_names[CI_MOMENTUM]   = StringTrimmed(InpMomentumIndicator);
   g_indicator_names[CI_KELTNER]    = StringTrimmed(InpKeltnerIndicator);
   g_indicator_names[CI_TEMA]       = StringTrimmed(InpTemaIndicator);
   g_indicator_names[CI_HRMA]       = StringTrimmed(InpHrmaIndicator);
   g_indicator_names[CI_SMMA]       = StringTrimmed(InpSmmaIndicator);
   g_indicator_names[CI_ZIGZAG]     = StringTrimmed(InpZigZagIndicator);

   g_layout.buffer[WS_FRACTAL_PEAK]   = InpFractalPeakBuffer;
   g_layout.buffer[WS_FRACTAL_BOTTOM] = InpFractalBottomBuffer;
   g_layout.buffer[WS_HLINE_PEAK]     = InpHorizontalPeakBuffer;
   g_layout.buffer[WS_HLINE_BOTTOM]   = InpHorizontalBottomBuffer;
   g_layout.buffer[WS_DLINE_PEAK]     = InpDiagonalPeakBuffer;
   g_layout.buffer[WS_DLINE_BOTTOM]   = InpDiagonalBottomBuffer;
   g_layout.buffer[WS_MOMENTUM_BULL]  = InpMomentumBullBuffer;
   g_layout.buffer[WS_MOMENTUM_BEAR]  = InpMomentumBearBuffer;
   g_layout.buffer[WS_KELTNER_MIDDLE] = InpKeltnerMiddleBuffer;
   for(int band = 0; band < KELTNER_BANDS; band++)
     {
      g_layout.buffer[WS_KELTNER_UPPER + band] = InpKeltnerUpperFirstBuffer + band;
      g_layout.buffer[WS_KELTNER_LOWER + band] = InpKeltnerLowerFirstBuffer + band;
     }
   g_layout.buffer[WS_TEMA]           = InpTemaBuffer;
   g_layout.buffer[WS_HRMA]           = InpHrmaBuffer;
   g_layout.buffer[WS_SMMA]           = InpSmmaBuffer;
   g_layout.buffer[WS_ZIGZAG_PEAK]    = InpZigZagPeakBuffer;
   g_layout.buffer[WS_ZIGZAG_BOTTOM]  = InpZigZagBottomBuffer;
   g_layout.buffer[WS_ATR]            = 0;

   g_layout.lookback           = InpLookbackBars;
   g_layout.fractal_confirm    = InpFractalConfirmBars;
   g_layout.zigzag_confirm     = InpZigZagConfirmBars;
   g_layout.lines_per_side     = InpLinesPerSide;
   g_layout.touch_atr_fraction = InpTouchAtrFraction;
   g_layout.momentum_period    = InpMomentumAveragePeriod;
  }

//+------------------------------------------------------------------+
//| Full path of the database file, for the log.                     |
//+------------------------------------------------------------------+
string DatabaseLocation()
  {
   return(TerminalInfoString(TERMINAL_COMMONDATA_PATH) + "\\Files\\" + InpDatabasePath);
  }

//+------------------------------------------------------------------+
//| Opens (creates) the file in the common Files folder: WAL, busy   |
//| timeout, synchronous NORMAL (durable across a terminal crash).   |
//+------------------------------------------------------------------+
bool OpenDatabase()
  {
   string path = StringTrimmed(InpDatabasePath);
   //--- create the file's folder first in case DatabaseOpen does not (no-op when it exists)
   for(int i = StringLen(path) - 1; i > 0; i--)
     {
      ushort c = StringGetCharacter(path, i);
      if(c == '\\' || c == '/')
        {
         string folder = StringSubstr(path, 0, i);
         ResetLastError();
         if(!FolderCreate(folder, FILE_COMMON))
            PrintFormat("DataCollector: could not create folder %s in the common Files folder (error %d)", folder, GetLastError());
         break;
        }
     }

   ResetLastError();
   g_db = DatabaseOpen(path, DATABASE_OPEN_READWRITE | DATABASE_OPEN_CREATE | DATABASE_OPEN_COMMON);
   if(g_db == INVALID_HANDLE)
     {
      PrintFormat("DataCollector: cannot open database %s (error %d); stopping", DatabaseLocation(), GetLastError());
      return(false);
     }

   //--- journal_mode answers with the mode now in force: check that it really is WAL
   string mode = "";
   int request = DatabasePrepare(g_db, SCHEMA_PRAGMA);
   if(request != INVALID_HANDLE)
     {
      if(DatabaseRead(request))
         DatabaseColumnText(request, 0, mode);
      DatabaseFinalize(request);
     }
   StringToLower(mode);
   if(mode != "wal")
      PrintFormat("DataCollector: journal mode is '%s', not WAL (error %d); readers may block the writer", mode, GetLastError());

   if(!DatabaseExecute(g_db, "PRAGMA busy_timeout = " + IntegerToString(MathMax(0, InpBusyTimeoutMs))))
      PrintFormat("DataCollector: PRAGMA busy_timeout failed (error %d)", GetLastError());
   if(!DatabaseExecute(g_db, "PRAGMA synchronous = NORMAL"))
      PrintFormat("DataCollector: PRAGMA synchronous failed (error %d)", GetLastError());

   //--- the file's identity (a no-op when the file already has one)
   ResetLastError();
   if(!DatabaseExecute(g_db, SCHEMA_IDENTITY_TABLE) || !DatabaseExecute(g_db, SCHEMA_IDENTITY_ROW))
     {
      PrintFormat("DataCollector: creating the file identity failed (error %d); stopping", GetLastError());
      DatabaseClose(g_db);
      g_db = INVALID_HANDLE;
      return(false);
     }
   return(true);
  }

//+------------------------------------------------------------------+
//| CREATE TABLE of one symbol, built from SCHEMA_COLUMNS.           |
//+------------------------------------------------------------------+
string CollectorTableDdl(const string table)
  {
   string ddl = "CREATE TABLE IF NOT EXISTS " + table + " (\n";
   for(int i = 0; i < ArraySize(SCHEMA_COLUMNS); i++)
      ddl += "    " + SCHEMA_COLUMNS[i] + ",\n";
   ddl += "    " + SCHEMA_PRIMARY_KEY + "\n);";
   return(ddl);
  }

//+------------------------------------------------------------------+
//| Adds the columns of SCHEMA_COLUMNS a table created by an older   |
//| version lacks (SQLite has no ADD COLUMN IF NOT EXISTS): the rows |
//| it holds get the column's default, 0 for the volumes.            |
//+------------------------------------------------------------------+
bool AddMissingColumns(const string table)
  {
   for(int i = 0; i < ArraySize(SCHEMA_COLUMNS); i++)
     {
      string definition = SCHEMA_COLUMNS[i];
      string column = StringSubstr(definition, 0, StringFind(definition, " "));
      int query = DatabasePrepare(g_db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2");
      if(query == INVALID_HANDLE)
         return(false);
      bool bound = DatabaseBind(query, 0, table) && DatabaseBind(query, 1, column);
      bool present = bound && DatabaseRead(query);
      DatabaseFinalize(query);
      if(!bound)
         return(false);
      if(present)
         continue;
      if(!DatabaseExecute(g_db, StringFormat(SCHEMA_ADD_COLUMN, table, definition)))
         return(false);
      PrintFormat("DataCollector [%s]: added column %s (the table was created by an older version)", table, column);
     }
   return(true);
  }

string CollectorSeqIndexDdl(const string table)
  {
   string lower = table;
   StringToLower(lower);
   return(StringFormat(SCHEMA_SEQ_INDEX, lower, table));
  }

//+------------------------------------------------------------------+
//| True when the schema declares the column without NOT NULL.       |
//+------------------------------------------------------------------+
bool IsNullableColumn(const string column)
  {
   for(int i = 0; i < ArraySize(SCHEMA_COLUMNS); i++)
     {
      string definition = SCHEMA_COLUMNS[i];
      int space = StringFind(definition, " ");
      if(space > 0 && StringSubstr(definition, 0, space) == column)
         return(StringFind(definition, "NOT NULL") < 0);
     }
   return(false);
  }

//+------------------------------------------------------------------+
//| The upsert of one table, from UPSERT_COLUMNS:                    |
//| INSERT ... VALUES (?1, ..., NULLIF(?7, ''), ...,                 |
//|   (SELECT COALESCE(MAX(seq), 0) + 1 FROM T))                     |
//| ON CONFLICT (timeframe, timestamp) DO UPDATE SET every value,    |
//|   seq = excluded.seq, written_at = excluded.written_at           |
//| WHERE some value changed.                                        |
//| seq is max + 1 on every insert and every real update, so the     |
//| ingest agent sees each change once, in order; a rewrite that     |
//| changes nothing (a quiet forming bar) keeps its row and seq.     |
//| The table name is a catalogue symbol (validated), never input    |
//| text; every value is a bound parameter.                          |
//+------------------------------------------------------------------+
string BuildUpsertSql(const string table)
  {
   string columns = "";
   string values = "";
   string updates = "";
   string changed = "";
   for(int i = 0; i < ArraySize(UPSERT_COLUMNS); i++)
     {
      string column = UPSERT_COLUMNS[i];
      string placeholder = "?" + IntegerToString(i + 1);
      if(IsNullableColumn(column))
         placeholder = "NULLIF(" + placeholder + ", '" + NULL_SENTINEL + "')";
      columns += column + ", ";
      values += placeholder + ", ";

      bool key = false;
      for(int k = 0; k < ArraySize(CONFLICT_COLUMNS); k++)
         if(CONFLICT_COLUMNS[k] == column)
            key = true;
      if(key)
         continue;
      updates += column + " = excluded." + column + ", ";
      if(column != "written_at")
         changed += (changed == "" ? "" : " OR ") + table + "." + column + " IS NOT excluded." + column;
     }

   string conflict = "";
   for(int k = 0; k < ArraySize(CONFLICT_COLUMNS); k++)
      conflict += (k == 0 ? "" : ", ") + CONFLICT_COLUMNS[k];

   return("INSERT INTO " + table + " (" + columns + "seq)\n" +
          "VALUES (" + values + "(SELECT COALESCE(MAX(seq), 0) + 1 FROM " + table + "))\n" +
          "ON CONFLICT (" + conflict + ") DO UPDATE SET " + updates + "seq = excluded.seq\n" +
          "WHERE " + changed);
  }

//+------------------------------------------------------------------+
//| Selects each symbol, creates its table and prepares its upsert.  |
//| A symbol that fails is logged and skipped (upsert handle         |
//| INVALID_HANDLE), the others go on.                               |
//+------------------------------------------------------------------+
void PrepareSymbols()
  {
   int symbols = ArraySize(g_tables);
   ArrayResize(g_upserts, symbols);
   for(int i = 0; i < symbols; i++)
     {
      g_upserts[i] = INVALID_HANDLE;
      bool custom = false;
      if(!SymbolExist(g_brokers[i], custom))
        {
         PrintFormat("DataCollector [%s]: symbol '%s' does not exist at this broker; skipped", g_tables[i], g_brokers[i]);
         continue;
        }
      ResetLastError();
      if(!SymbolSelect(g_brokers[i], true))
        {
         PrintFormat("DataCollector [%s]: SymbolSelect('%s') failed (error %d); skipped", g_tables[i], g_brokers[i], GetLastError());
         continue;
        }

      ResetLastError();
      if(!DatabaseExecute(g_db, CollectorTableDdl(g_tables[i])) ||
         !AddMissingColumns(g_tables[i]) ||
         !DatabaseExecute(g_db, CollectorSeqIndexDdl(g_tables[i])))
        {
         PrintFormat("DataCollector [%s]: creating the table failed (error %d); skipped", g_tables[i], GetLastError());
         continue;
        }

      ResetLastError();
      g_upserts[i] = DatabasePrepare(g_db, BuildUpsertSql(g_tables[i]));
      if(g_upserts[i] == INVALID_HANDLE)
         PrintFormat("DataCollector [%s]: preparing the upsert failed (error %d); skipped", g_tables[i], GetLastError());
     }
  }

//+------------------------------------------------------------------+
//| Pair state, and where each pair resumes.                         |
//+------------------------------------------------------------------+
void InitPairs()
  {
   int timeframes = ArraySize(TIMEFRAME_NAMES);
   int pairs = ArraySize(g_tables) * timeframes;
   ArrayResize(g_pairs, pairs);
   for(int p = 0; p < pairs; p++)
     {
      for(int i = 0; i < COLLECTOR_INDICATORS; i++)
         g_pairs[p].handles[i] = INVALID_HANDLE;
      g_pairs[p].atr = INVALID_HANDLE;
      g_pairs[p].from = 0;
      g_pairs[p].resumed = false;
      g_pairs[p].notice = "";
      int symbol = p / timeframes;
      if(g_upserts[symbol] != INVALID_HANDLE)
         ResumePoint(symbol, p % timeframes);
     }
  }

//+------------------------------------------------------------------+
//| Reads the newest stored bar of a pair: the backfill resumes      |
//| there (inclusive: that bar may have been written while it was    |
//| still forming). An empty table backfills InpBackfillBars bars.   |
//+------------------------------------------------------------------+
bool ResumePoint(const int symbol, const int timeframe)
  {
   int p = symbol * ArraySize(TIMEFRAME_NAMES) + timeframe;
   string table = g_tables[symbol];
   string tf = TIMEFRAME_NAMES[timeframe];
   ResetLastError();
   int request = DatabasePrepare(g_db, "SELECT COALESCE(MAX(timestamp), 0) FROM " + table + " WHERE timeframe = ?1");
   if(request == INVALID_HANDLE)
     {
      LogPairError(table, tf, "reading the last stored bar failed", GetLastError());
      return(false);
     }
   long last = 0;
   bool ok = DatabaseBind(request, 0, tf) && DatabaseRead(request) && DatabaseColumnLong(request, 0, last);
   int error = GetLastError();
   DatabaseFinalize(request);
   if(!ok)
     {
      LogPairError(table, tf, "reading the last stored bar failed", error);
      return(false);
     }
   g_pairs[p].from = (datetime)last;
   g_pairs[p].resumed = true;
   return(true);
  }

//+------------------------------------------------------------------+
//| Logging with context; never stops the loop.                      |
//+------------------------------------------------------------------+
void LogPairError(const string table, const string tf, const string what, const int error)
  {
   PrintFormat("DataCollector [%s %s]: %s (error %d)", table, tf, what, error);
  }

//--- a "waiting" condition (history loading, indicator calculating) is logged once, not every cycle
void PairNotice(const int p, const string table, const string tf, const string message)
  {
   if(g_pairs[p].notice == message)
      return;
   g_pairs[p].notice = message;
   PrintFormat("DataCollector [%s %s]: waiting: %s", table, tf, message);
  }

//+------------------------------------------------------------------+
//| Creates the pair's indicator handles that are still missing,     |
//| with explicit symbol and period. Indicators named alike share    |
//| one handle (one instance computes fractals and horizontal lines, |
//| another TEMA, HRMA and SMMA with the default names).             |
//+------------------------------------------------------------------+
bool EnsureHandles(const int p, const string broker, const ENUM_TIMEFRAMES period, string &problem)
  {
   for(int i = 0; i < COLLECTOR_INDICATORS; i++)
     {
      if(g_indicator_names[i] == "" || g_pairs[p].handles[i] != INVALID_HANDLE)
         continue;
      for(int j = 0; j < i; j++)
        {
         if(g_indicator_names[j] == g_indicator_names[i])
           {
            g_pairs[p].handles[i] = g_pairs[p].handles[j];
            break;
           }
        }
      if(g_pairs[p].handles[i] != INVALID_HANDLE)
         continue;
      ResetLastError();
      g_pairs[p].handles[i] = iCustom(broker, period, g_indicator_names[i]);
      if(g_pairs[p].handles[i] == INVALID_HANDLE)
        {
         problem = StringFormat("iCustom(\"%s\") failed (error %d): install the indicator under MQL5\\Indicators or clear its input",
                                g_indicator_names[i], GetLastError());
         return(false);
        }
     }
   if(g_pairs[p].atr == INVALID_HANDLE)
     {
      ResetLastError();
      g_pairs[p].atr = iATR(broker, period, InpAtrPeriod);
      if(g_pairs[p].atr == INVALID_HANDLE)
        {
         problem = StringFormat("iATR(%d) failed (error %d)", InpAtrPeriod, GetLastError());
         return(false);
        }
     }
   return(true);
  }

void ReleaseHandles(const int p)
  {
   for(int i = 0; i < COLLECTOR_INDICATORS; i++)
     {
      int handle = g_pairs[p].handles[i];
      if(handle == INVALID_HANDLE)
         continue;
      bool shared = false;
      for(int j = 0; j < i; j++)
         if(g_pairs[p].handles[j] == handle)
            shared = true;
      if(!shared)
         IndicatorRelease(handle);
     }
   for(int i = 0; i < COLLECTOR_INDICATORS; i++)
      g_pairs[p].handles[i] = INVALID_HANDLE;
   if(g_pairs[p].atr != INVALID_HANDLE)
      IndicatorRelease(g_pairs[p].atr);
   g_pairs[p].atr = INVALID_HANDLE;
  }

//+------------------------------------------------------------------+
//| Loads the pair's window: the bars to write (from `from`, the bar |
//| formed at the last commit, through the forming bar, at most      |
//| InpBackfillBars closed + 1) plus the context the structures need.|
//+------------------------------------------------------------------+
bool LoadPair(const int p, const string table, const string tf, const string broker,
              const ENUM_TIMEFRAMES period, int &write_count, string &problem)
  {
   write_count = 0;
   if(!(bool)SeriesInfoInteger(broker, period, SERIES_SYNCHRONIZED))
     {
      problem = "history is not synchronized yet";
      return(false);
     }
   int total = Bars(broker, period);
   if(total <= 0)
     {
      problem = "no bars yet";
      return(false);
     }

   int cap = InpBackfillBars + 1;
   datetime from = g_pairs[p].from;
   int wanted = cap;
   if(from > 0)
     {
      int shift = iBarShift(broker, period, from, false); // the bar at `from`, or the last one before it
      if(shift >= 0)
         wanted = MathMin(shift + 1, cap);
      if(shift + 1 > cap)
         PrintFormat("DataCollector [%s %s]: %d bars since %s exceed the backfill depth; writing the last %d",
                     table, tf, shift + 1, TimeToString(from), cap);
     }
   //--- context: the lookback of the structures and the momentum average, plus one bar of slack
   //--- for a bar that opens between iBarShift and the copy
   int context = MathMax(g_layout.lookback, g_layout.momentum_period) + 2;
   int bars = MathMin(wanted + context, total);

   bool loaded = false;
   for(int attempt = 0; attempt < 3 && !loaded && !IsStopped(); attempt++)
     {
      if(attempt > 0)
         Sleep(100);
      loaded = LoadBarWindow(g_window, broker, period, g_pairs[p].handles, g_pairs[p].atr, g_layout, bars, problem);
     }
   if(!loaded)
      return(false);

   //--- exact count: every bar newer than `from`, plus the bar at `from` itself
   if(from == 0)
      write_count = MathMin(cap, g_window.count);
   else
     {
      write_count = 0;
      while(write_count < g_window.count && g_window.rates[write_count].time > from)
         write_count++;
      if(write_count < g_window.count)
         write_count++;
      write_count = MathMin(write_count, cap);
     }
   return(write_count > 0);
  }

//+------------------------------------------------------------------+
//| Binds a nullable column: "" (NULL_SENTINEL) becomes SQL NULL     |
//| through the statement's NULLIF(?N, '').                          |
//+------------------------------------------------------------------+
bool BindNullableText(const int request, const int index, const string json)
  {
   return(DatabaseBind(request, index, json));
  }

bool BindNullableNumber(const int request, const int index, const double value)
  {
   if(!IsIndicatorValue(value))
      return(DatabaseBind(request, index, NULL_SENTINEL));
   return(DatabaseBind(request, index, value));
  }

//+------------------------------------------------------------------+
//| Upserts the bar at shift s of g_window.                          |
//+------------------------------------------------------------------+
bool UpsertBar(const int request, const string tf, const int s, const long written_at)
  {
   ResetLastError();
   if(!DatabaseReset(request))
      return(false);
   MqlRates bar = g_window.rates[s];
   bool ok = DatabaseBind(request, P_TIMEFRAME, tf)
             && DatabaseBind(request, P_TIMESTAMP, (long)bar.time)
             && DatabaseBind(request, P_OPEN, bar.open)
             && DatabaseBind(request, P_HIGH, bar.high)
             && DatabaseBind(request, P_LOW, bar.low)
             && DatabaseBind(request, P_CLOSE, bar.close)
             && BindNullableText(request, P_FRACTALS, FractalsJson(g_window, s, g_layout))
             && BindNullableText(request, P_HORIZONTAL_TRENDLINES, HorizontalLinesJson(g_window, s, g_layout))
             && BindNullableText(request, P_DIAGONAL_TRENDLINES, DiagonalLinesJson(g_window, s, g_layout))
             && BindNullableText(request, P_MOMENTUM_CANDLES, MomentumJson(g_window, s, g_layout))
             && BindNullableText(request, P_KELTNER_CHANNELS, KeltnerJson(g_window, s))
             && BindNullableNumber(request, P_TEMA, g_window.Value(WS_TEMA, s))
             && BindNullableNumber(request, P_HRMA, g_window.Value(WS_HRMA, s))
             && BindNullableNumber(request, P_SMMA, g_window.Value(WS_SMMA, s))
             && BindNullableText(request, P_ZIGZAG, ZigZagJson(g_window, s, g_layout))
             && DatabaseBind(request, P_WRITTEN_AT, written_at)
             && DatabaseBind(request, P_TICK_VOLUME, (long)bar.tick_volume)
             && DatabaseBind(request, P_SPREAD, (long)bar.spread)
             && DatabaseBind(request, P_REAL_VOLUME, (long)bar.real_volume);
   if(!ok)
      return(false);
   //--- the upsert returns no row: DatabaseRead runs it and reports "no more data" on success
   if(DatabaseRead(request))
      return(true);
   return(GetLastError() == ERR_DATABASE_NO_MORE_DATA);
  }

//--- outcome of one pair in a cycle
#define PAIR_WAITING (-1)
#define PAIR_FAILED  (-2)

//+------------------------------------------------------------------+
//| Writes one pair inside the cycle's transaction, under a          |
//| savepoint: a failing pair is rolled back alone and retried next  |
//| cycle, the other pairs still commit. Returns rows written.       |
//+------------------------------------------------------------------+
int CollectPair(const int symbol, const int timeframe, const long written_at, datetime &next_from)
  {
   int p = symbol * ArraySize(TIMEFRAME_NAMES) + timeframe;
   string table = g_tables[symbol];
   string broker = g_brokers[symbol];
   string tf = TIMEFRAME_NAMES[timeframe];
   ENUM_TIMEFRAMES period = TIMEFRAME_PERIODS[timeframe];

   string problem = "";
   if(!EnsureHandles(p, broker, period, problem))
     {
      PairNotice(p, table, tf, problem);
      return(PAIR_WAITING);
     }
   if(!g_pairs[p].resumed && !ResumePoint(symbol, timeframe))
      return(PAIR_FAILED);

   int write_count = 0;
   if(!LoadPair(p, table, tf, broker, period, write_count, problem))
     {
      PairNotice(p, table, tf, problem == "" ? "no bars to write" : problem);
      return(PAIR_WAITING);
     }

   ResetLastError();
   if(!DatabaseExecute(g_db, "SAVEPOINT collector_pair"))
     {
      LogPairError(table, tf, "SAVEPOINT failed", GetLastError());
      return(PAIR_FAILED);
     }
   for(int s = write_count - 1; s >= 0; s--) // oldest first, so seq follows time within the pair
     {
      if(!UpsertBar(g_upserts[symbol], tf, s, written_at))
        {
         LogPairError(table, tf, "upsert of the bar at " + TimeToString(g_window.rates[s].time) +
                      " failed; the pair is rolled back and retried next cycle", GetLastError());
         DatabaseExecute(g_db, "ROLLBACK TO collector_pair");
         DatabaseExecute(g_db, "RELEASE collector_pair");
         return(PAIR_FAILED);
        }
     }
   ResetLastError();
   if(!DatabaseExecute(g_db, "RELEASE collector_pair"))
     {
      LogPairError(table, tf, "RELEASE failed", GetLastError());
      DatabaseExecute(g_db, "ROLLBACK TO collector_pair");
      DatabaseExecute(g_db, "RELEASE collector_pair");
      return(PAIR_FAILED);
     }

   if(g_pairs[p].notice != "")
     {
      PrintFormat("DataCollector [%s %s]: writing again", table, tf);
      g_pairs[p].notice = "";
     }
   next_from = g_window.rates[0].time;
   return(write_count);
  }

//+------------------------------------------------------------------+
//| One cycle, one transaction: for every pair, the bar formed at    |
//| the last commit (now possibly closed, with its final values),    |
//| every bar closed since, and the forming bar. A pair's resume     |
//| point advances only after the commit, so a failed cycle is       |
//| simply written again by the next one.                            |
//+------------------------------------------------------------------+
void RunCycle()
  {
   g_cycle++;
   ulong started = GetTickCount64();
   //--- unix ms UTC of this cycle's write (second resolution: TimeGMT has no milliseconds)
   long written_at = (long)TimeGMT() * 1000;

   int pairs = ArraySize(g_pairs);
   datetime staged[];
   ArrayResize(staged, pairs);
   ArrayInitialize(staged, 0);

   ResetLastError();
   if(!DatabaseTransactionBegin(g_db))
     {
      PrintFormat("DataCollector: cycle %d: BEGIN failed (error %d); retrying next cycle", g_cycle, GetLastError());
      return;
     }

   int rows = 0, written = 0, waiting = 0, failed = 0;
   int timeframes = ArraySize(TIMEFRAME_NAMES);
   for(int symbol = 0; symbol < ArraySize(g_tables) && !IsStopped(); symbol++)
     {
      if(g_upserts[symbol] == INVALID_HANDLE)
         continue;
      for(int timeframe = 0; timeframe < timeframes && !IsStopped(); timeframe++)
        {
         datetime next_from = 0;
         int result = CollectPair(symbol, timeframe, written_at, next_from);
         if(result == PAIR_WAITING)
            waiting++;
         else if(result == PAIR_FAILED)
            failed++;
         else
           {
            rows += result;
            written++;
            staged[symbol * timeframes + timeframe] = next_from;
           }
        }
     }

   ResetLastError();
   if(!DatabaseTransactionCommit(g_db))
     {
      PrintFormat("DataCollector: cycle %d: COMMIT failed (error %d); rolled back, retrying next cycle", g_cycle, GetLastError());
      DatabaseTransactionRollback(g_db);
      return;
     }
   for(int p = 0; p < pairs; p++)
     {
      if(staged[p] > 0)
         g_pairs[p].from = staged[p];
     }

   if(g_cycle == 1 || failed > 0 || rows > written || g_cycle % 10 == 0)
      PrintFormat("DataCollector: cycle %d: %d rows for %d pairs, %d waiting, %d failed, %I64u ms",
                  g_cycle, rows, written, waiting, failed, GetTickCount64() - started);
  }

//+------------------------------------------------------------------+
//| Sleeps until the next cycle in short steps, so a stop request is |
//| honoured within 100 ms.                                          |
//+------------------------------------------------------------------+
void WaitForNextCycle(const ulong started)
  {
   ulong interval = (ulong)InpCycleSeconds * 1000;
   while(!IsStopped() && GetTickCount64() - started < interval)
      Sleep(100);
  }

//+------------------------------------------------------------------+
//| Releases every handle and statement and closes the database.     |
//+------------------------------------------------------------------+
void Shutdown()
  {
   for(int p = 0; p < ArraySize(g_pairs); p++)
      ReleaseHandles(p);
   for(int i = 0; i < ArraySize(g_upserts); i++)
     {
      if(g_upserts[i] != INVALID_HANDLE)
         DatabaseFinalize(g_upserts[i]);
      g_upserts[i] = INVALID_HANDLE;
     }
   if(g_db != INVALID_HANDLE)
      DatabaseClose(g_db);
   g_db = INVALID_HANDLE;
   Print("DataCollector: stopped");
  }
//+------------------------------------------------------------------+
