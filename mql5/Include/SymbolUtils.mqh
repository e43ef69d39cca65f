//+------------------------------------------------------------------+
//|                                                  SymbolUtils.mqh |
//|                                               TradingAlerts Grid |
//| The catalogue the DataCollector service writes: the 15 symbols,  |
//| the broker suffixes it strips and the nine timeframes.           |
//| These lists mirror TradingAlerts.Abstractions.Catalogue (Symbols |
//| .All, Symbols.BrokerSuffixes, Timeframes.All); the unit test     |
//| Mql5SchemaDriftTests fails if they differ. Edit both together.   |
//+------------------------------------------------------------------+
#ifndef TRADINGALERTS_SYMBOL_UTILS_MQH
#define TRADINGALERTS_SYMBOL_UTILS_MQH

// BEGIN CATALOGUE
//--- the 15 catalogue symbols, alphabetical; each is also the name of its SQLite table
const string CATALOGUE_SYMBOLS[] =
  {
   "AUDJPY", "AUDUSD", "BTCUSD", "ETHUSD", "EURUSD", "GBPJPY", "GBPUSD", "NDX100",
   "NZDUSD", "US30", "USDCAD", "USDCHF", "USDJPY", "XAGUSD", "XAUUSD"
  };

//--- suffixes brokers append (EURUSD.i, EURUSDm ...), tried in this order, at the end only, any case
const string BROKER_SUFFIXES[] = { ".pro", ".raw", ".std", ".i", ".e", ".z", "m" };

//--- the nine timeframes: the name written to the timeframe column and the MT5 period, same order
const string TIMEFRAME_NAMES[] = { "M5", "M15", "M30", "H1", "H2", "H4", "H8", "H12", "D1" };
const ENUM_TIMEFRAMES TIMEFRAME_PERIODS[] =
  {
   PERIOD_M5, PERIOD_M15, PERIOD_M30, PERIOD_H1, PERIOD_H2, PERIOD_H4, PERIOD_H8, PERIOD_H12, PERIOD_D1
  };
// END CATALOGUE

//+------------------------------------------------------------------+
//| True when symbol is exactly a catalogue symbol (upper case).     |
//+------------------------------------------------------------------+
bool IsCatalogueSymbol(const string symbol)
  {
   for(int i = 0; i < ArraySize(CATALOGUE_SYMBOLS); i++)
     {
      if(CATALOGUE_SYMBOLS[i] == symbol)
         return(true);
     }
   return(false);
  }

//+------------------------------------------------------------------+
//| True when text ends with suffix, compared case-insensitively.    |
//+------------------------------------------------------------------+
bool EndsWithIgnoreCase(const string text, const string suffix)
  {
   int text_length = StringLen(text);
   int suffix_length = StringLen(suffix);
   if(suffix_length == 0 || text_length < suffix_length)
      return(false);
   return(StringCompare(StringSubstr(text, text_length - suffix_length), suffix, false) == 0);
  }

//+------------------------------------------------------------------+
//| Broker symbol name -> catalogue symbol.                          |
//| Trims, accepts an exact catalogue name (any case), else strips   |
//| one known suffix at the end and upper-cases. Never guesses:      |
//| anything that does not land exactly on a catalogue symbol is     |
//| rejected with the reason in error (same rules and messages as    |
//| Symbols.TryNormalize in C#).                                     |
//+------------------------------------------------------------------+
bool NormalizeBrokerSymbol(const string broker_symbol, string &symbol, string &error)
  {
   symbol = "";
   error = "";
   string raw = broker_symbol;
   StringTrimLeft(raw);
   StringTrimRight(raw);
   if(raw == "")
     {
      error = "Symbol is empty";
      return(false);
     }

   string upper = raw;
   StringToUpper(upper);
   if(IsCatalogueSymbol(upper))
     {
      symbol = upper;
      return(true);
     }

   int raw_length = StringLen(raw);
   for(int i = 0; i < ArraySize(BROKER_SUFFIXES); i++)
     {
      int suffix_length = StringLen(BROKER_SUFFIXES[i]);
      if(raw_length > suffix_length && EndsWithIgnoreCase(raw, BROKER_SUFFIXES[i]))
        {
         string stem = StringSubstr(upper, 0, raw_length - suffix_length);
         if(IsCatalogueSymbol(stem))
           {
            symbol = stem;
            return(true);
           }
        }
     }

   for(int i = 0; i < ArraySize(CATALOGUE_SYMBOLS); i++)
     {
      if(StringFind(upper, CATALOGUE_SYMBOLS[i]) == 0)
        {
         error = StringFormat("Unknown broker suffix '%s' on %s in '%s'",
                              StringSubstr(raw, StringLen(CATALOGUE_SYMBOLS[i])), CATALOGUE_SYMBOLS[i], raw);
         return(false);
        }
     }
   error = "Unknown symbol: " + raw;
   return(false);
  }

//+------------------------------------------------------------------+
//| Splits the comma-separated broker symbol input.                  |
//| brokers[i] is the name as the terminal knows it (used for prices |
//| and indicators), symbols[i] its catalogue symbol (the table).    |
//| Rejected names and second names for the same catalogue symbol   |
//| are logged and left out. Returns the number accepted.            |
//+------------------------------------------------------------------+
int ParseBrokerSymbols(const string list, string &brokers[], string &symbols[])
  {
   ArrayResize(brokers, 0);
   ArrayResize(symbols, 0);
   string parts[];
   int part_count = StringSplit(list, ',', parts);
   int accepted = 0;
   for(int i = 0; i < part_count; i++)
     {
      string broker = parts[i];
      StringTrimLeft(broker);
      StringTrimRight(broker);
      if(broker == "")
         continue;

      string symbol, error;
      if(!NormalizeBrokerSymbol(broker, symbol, error))
        {
         PrintFormat("DataCollector: symbol '%s' rejected: %s", broker, error);
         continue;
        }

      bool duplicate = false;
      for(int j = 0; j < accepted; j++)
        {
         if(symbols[j] == symbol)
           {
            PrintFormat("DataCollector: symbol '%s' rejected: %s is already collected from '%s'", broker, symbol, brokers[j]);
            duplicate = true;
            break;
           }
        }
      if(duplicate)
         continue;

      ArrayResize(brokers, accepted + 1);
      ArrayResize(symbols, accepted + 1);
      brokers[accepted] = broker;
      symbols[accepted] = symbol;
      accepted++;
     }
   return(accepted);
  }

#endif // TRADINGALERTS_SYMBOL_UTILS_MQH
//+------------------------------------------------------------------+
