//+------------------------------------------------------------------+
//|                                             IndicatorBuffers.mqh |
//|                                               TradingAlerts Grid |
//| Reads the custom indicators of one symbol-timeframe pair and     |
//| turns them into the indicator columns (docs/architecture.md):    |
//| JSON documents (times in unix seconds, never bar indexes) and    |
//| numbers, "no value" being SQL NULL.                              |
//+------------------------------------------------------------------+
#ifndef TRADINGALERTS_INDICATOR_BUFFERS_MQH
#define TRADINGALERTS_INDICATOR_BUFFERS_MQH

//+------------------------------------------------------------------+
//| Buffer layout of the custom indicators (assumptions)             |
//|                                                                  |
//| A service has no chart, so only indicator BUFFERS can be read    |
//| (chart objects an indicator draws are not reachable through      |
//| iCustom). Each custom indicator is therefore expected to expose  |
//| the buffers below; every index is an input of DataCollector.mq5, |
//| so a different layout is a setting, not a code change. Defaults: |
//|                                                                  |
//| Fractals          buffer 0 = peak price at the fractal bar,      |
//|  (Fractal Horizontal        EMPTY_VALUE or 0 elsewhere;          |
//|   Line_V5)        buffer 1 = bottom price, likewise (the layout  |
//|                   of the built-in Fractals: UPPER 0, LOWER 1).   |
//| Horizontal lines  buffer 0 / 1 = price at the bar where a peak / |
//|  (Fractal Horizontal        bottom line is anchored. The lines   |
//|   Line_V5)        are the latest InpLinesPerSide anchors,        |
//|                   extended flat to the row's bar. With the       |
//|                   defaults they sit on the latest fractals, as   |
//|                   the C# engine defines them.                    |
//| Diagonal lines    buffer 0 / 1 = peak / bottom anchor prices.    |
//|  (Fractal Diagonal          A line joins two consecutive rising  |
//|   Line_V4)        bottoms (ascending) or falling peaks           |
//|                   (descending), extended to the row's bar; the   |
//|                   latest InpLinesPerSide of each.                |
//| Momentum candles  buffer 0 = non-empty, non-zero on a bullish    |
//|  (Body Size                 momentum candle; buffer 1 = bearish. |
//|   Momentum        If both inputs name the same buffer, its sign  |
//|   Candle_V2)      gives the direction (> 0 bullish, < 0 bearish).|
//|                   body_ratio = body / average body of the        |
//|                   previous InpMomentumAveragePeriod bars.        |
//| Keltner channels  buffer 0 = middle line; buffers 1..5 = upper   |
//|  (Keltner Channel_ATF_10    bands inner -> outer; buffers 6..10  |
//|   Bands)          = lower bands inner -> outer (first index of   |
//|                   each group is an input; the five are           |
//|                   consecutive). Any band missing -> NULL.        |
//| TEMA, HRMA, SMMA  buffers 0, 1, 2 of "TEMA_HRMA_SMA-SMMA_Modified|
//|                   Buffers" (as the original plan read them), one |
//|                   value per bar; EMPTY_VALUE -> NULL.            |
//| ZigZag            buffer 0 = swing-high price at its bar, buffer |
//|  (ZigZagColor &             1 = swing-low price (the layout of   |
//|   MarketStructure...)       the standard ZigZagColor: 0 where    |
//|                   there is no turning point).                    |
//|                                                                  |
//| Built-in: iATR(InpAtrPeriod) per pair, only for the touch        |
//| tolerance of the lines (InpTouchAtrFraction x ATR).              |
//|                                                                  |
//| What a row holds for its bar (as-series shift s):                |
//| - structures come from the InpLookbackBars bars before the bar   |
//|   (shifts s+1 .. s+lookback); the row's own bar is never a point.|
//|   A point at shift k counts once `confirm` bars after it lie     |
//|   before the row's bar: k >= s + 1 + confirm. Fractals (and the  |
//|   lines anchored on them) use InpFractalConfirmBars = 2, the     |
//|   Bill Williams rule, so a backfilled row never sees what        |
//|   happened after its own bar. ZigZag uses InpZigZagConfirmBars   |
//|   (default 0); its last leg repaints by nature, so backfilled    |
//|   rows show the indicator's present view of that leg.            |
//| - touches count the bars from the line's first point up to and  |
//|   including the row's bar whose high (peaks, descending) or low  |
//|   (bottoms, ascending) lies within the tolerance of the line.    |
//| - momentum, keltner, tema, hrma, smma are the values at shift s. |
//| An indicator whose name input is empty is not collected: its     |
//| column is NULL. Prices in JSON carry 10 significant digits.      |
//+------------------------------------------------------------------+

//--- the nine custom indicators, one name input each
enum ENUM_COLLECTOR_INDICATOR
  {
   CI_FRACTALS   = 0,
   CI_HORIZONTAL = 1,
   CI_DIAGONAL   = 2,
   CI_MOMENTUM   = 3,
   CI_KELTNER    = 4,
   CI_TEMA       = 5,
   CI_HRMA       = 6,
   CI_SMMA       = 7,
   CI_ZIGZAG     = 8
  };
#define COLLECTOR_INDICATORS 9

//--- every series copied for a pair (one CopyBuffer each)
enum ENUM_WINDOW_SERIES
  {
   WS_FRACTAL_PEAK    = 0,
   WS_FRACTAL_BOTTOM  = 1,
   WS_HLINE_PEAK      = 2,
   WS_HLINE_BOTTOM    = 3,
   WS_DLINE_PEAK      = 4,
   WS_DLINE_BOTTOM    = 5,
   WS_MOMENTUM_BULL   = 6,
   WS_MOMENTUM_BEAR   = 7,
   WS_KELTNER_MIDDLE  = 8,
   WS_KELTNER_UPPER   = 9,   // 9..13: upper bands, inner -> outer
   WS_KELTNER_LOWER   = 14,  // 14..18: lower bands, inner -> outer
   WS_TEMA            = 19,
   WS_HRMA            = 20,
   WS_SMMA            = 21,
   WS_ZIGZAG_PEAK     = 22,
   WS_ZIGZAG_BOTTOM   = 23,
   WS_ATR             = 24   // built-in iATR, buffer 0
  };
#define WINDOW_SERIES_COUNT 25
#define KELTNER_BANDS       5

//--- settings of the row builders (filled from the inputs of DataCollector.mq5)
struct CollectorLayout
  {
   int               buffer[WINDOW_SERIES_COUNT]; // buffer index read for each series
   int               lookback;                    // bars searched for fractals, zigzag and lines
   int               fractal_confirm;             // bars after a fractal before it counts
   int               zigzag_confirm;              // bars after a zigzag point before it counts
   int               lines_per_side;              // horizontal lines per side, diagonal lines per direction
   double            touch_atr_fraction;          // a bar touches a line within this fraction of ATR
   int               momentum_period;             // bars averaged for the momentum body ratio
  };

//+------------------------------------------------------------------+
//| The indicator a series is read from (-1: the built-in ATR).      |
//+------------------------------------------------------------------+
int SeriesIndicator(const int series)
  {
   switch(series)
     {
      case WS_FRACTAL_PEAK:
      case WS_FRACTAL_BOTTOM:
         return(CI_FRACTALS);
      case WS_HLINE_PEAK:
      case WS_HLINE_BOTTOM:
         return(CI_HORIZONTAL);
      case WS_DLINE_PEAK:
      case WS_DLINE_BOTTOM:
         return(CI_DIAGONAL);
      case WS_MOMENTUM_BULL:
      case WS_MOMENTUM_BEAR:
         return(CI_MOMENTUM);
      case WS_TEMA:
         return(CI_TEMA);
      case WS_HRMA:
         return(CI_HRMA);
      case WS_SMMA:
         return(CI_SMMA);
      case WS_ZIGZAG_PEAK:
      case WS_ZIGZAG_BOTTOM:
         return(CI_ZIGZAG);
      case WS_ATR:
         return(-1);
     }
   return(CI_KELTNER); // WS_KELTNER_MIDDLE .. WS_KELTNER_LOWER + 4
  }

//+------------------------------------------------------------------+
//| Name of a series for log messages.                               |
//+------------------------------------------------------------------+
string SeriesName(const int series)
  {
   if(series >= WS_KELTNER_UPPER && series < WS_KELTNER_UPPER + KELTNER_BANDS)
      return("keltner upper " + IntegerToString(series - WS_KELTNER_UPPER + 1));
   if(series >= WS_KELTNER_LOWER && series < WS_KELTNER_LOWER + KELTNER_BANDS)
      return("keltner lower " + IntegerToString(series - WS_KELTNER_LOWER + 1));
   switch(series)
     {
      case WS_FRACTAL_PEAK:   return("fractal peaks");
      case WS_FRACTAL_BOTTOM: return("fractal bottoms");
      case WS_HLINE_PEAK:     return("horizontal peak anchors");
      case WS_HLINE_BOTTOM:   return("horizontal bottom anchors");
      case WS_DLINE_PEAK:     return("diagonal peak anchors");
      case WS_DLINE_BOTTOM:   return("diagonal bottom anchors");
      case WS_MOMENTUM_BULL:  return("momentum bullish");
      case WS_MOMENTUM_BEAR:  return("momentum bearish");
      case WS_KELTNER_MIDDLE: return("keltner middle");
      case WS_TEMA:           return("tema");
      case WS_HRMA:           return("hrma");
      case WS_SMMA:           return("smma");
      case WS_ZIGZAG_PEAK:    return("zigzag peaks");
      case WS_ZIGZAG_BOTTOM:  return("zigzag bottoms");
      case WS_ATR:            return("atr");
     }
   return("series " + IntegerToString(series));
  }

//+------------------------------------------------------------------+
//| A usable number: finite and not MT5's "no value" (EMPTY_VALUE is |
//| DBL_MAX; -DBL_MAX is treated alike).                             |
//+------------------------------------------------------------------+
bool IsIndicatorValue(const double value)
  {
   return(MathIsValidNumber(value) && value != EMPTY_VALUE && value != -DBL_MAX);
  }

//+------------------------------------------------------------------+
//| A mark in a point buffer (fractal, anchor, zigzag, momentum):    |
//| such buffers use 0 as well as EMPTY_VALUE for "nothing here".    |
//+------------------------------------------------------------------+
bool IsMarkerValue(const double value)
  {
   return(IsIndicatorValue(value) && value != 0.0);
  }

//+------------------------------------------------------------------+
//| JSON helpers                                                     |
//+------------------------------------------------------------------+
//| JSON string literal with escaping of quote, backslash and every  |
//| control character (RFC 8259 section 7).                          |
//+------------------------------------------------------------------+
string JsonQuote(const string value)
  {
   string quoted = "\"";
   int length = StringLen(value);
   for(int i = 0; i < length; i++)
     {
      ushort c = StringGetCharacter(value, i);
      switch(c)
        {
         case '\"':
            quoted += "\\\"";
            break;
         case '\\':
            quoted += "\\\\";
            break;
         case '\n':
            quoted += "\\n";
            break;
         case '\r':
            quoted += "\\r";
            break;
         case '\t':
            quoted += "\\t";
            break;
         default:
            if(c < 0x20)
               quoted += StringFormat("\\u%04X", (int)c);
            else
               quoted += ShortToString(c);
        }
     }
   return(quoted + "\"");
  }

//+------------------------------------------------------------------+
//| Drops trailing zeros (and a trailing point) of a fixed number.   |
//+------------------------------------------------------------------+
string TrimFixedNumber(const string text)
  {
   if(StringFind(text, ".") < 0)
      return(text);
   int length = StringLen(text);
   while(length > 0 && StringGetCharacter(text, length - 1) == '0')
      length--;
   if(length > 0 && StringGetCharacter(text, length - 1) == '.')
      length--;
   string trimmed = StringSubstr(text, 0, length);
   return(trimmed == "-0" ? "0" : trimmed);
  }

//+------------------------------------------------------------------+
//| JSON number of a price: 10 significant digits (as the C# engine  |
//| writes them), null for "no value" or a non-finite number.        |
//+------------------------------------------------------------------+
string JsonPrice(const double value)
  {
   if(!IsIndicatorValue(value))
      return("null");
   if(value == 0.0)
      return("0");
   int digits = 9 - (int)MathFloor(MathLog10(MathAbs(value)));
   digits = MathMax(0, MathMin(15, digits));
   return(TrimFixedNumber(DoubleToString(value, digits)));
  }

//+------------------------------------------------------------------+
//| JSON number with a fixed number of decimals (body_ratio: 4).     |
//+------------------------------------------------------------------+
string JsonFixed(const double value, const int digits)
  {
   if(!IsIndicatorValue(value))
      return("null");
   return(TrimFixedNumber(DoubleToString(value, digits)));
  }

//+------------------------------------------------------------------+
//| Minimal streaming JSON writer: commas and nesting are tracked,   |
//| keys and strings are escaped, numbers are never quoted.          |
//+------------------------------------------------------------------+
class CJsonWriter
  {
private:
   string            m_text;
   bool              m_empty[];   // per open container: nothing written into it yet
   int               m_depth;
   bool              m_after_key;

   void              Separate(void)
     {
      if(m_after_key)
        {
         m_after_key = false;
         return;
        }
      if(m_depth > 0)
        {
         if(!m_empty[m_depth - 1])
            m_text += ",";
         m_empty[m_depth - 1] = false;
        }
     }

   void              Open(const string bracket)
     {
      Separate();
      m_text += bracket;
      m_depth++;
      ArrayResize(m_empty, m_depth, 8);
      m_empty[m_depth - 1] = true;
     }

   void              Close(const string bracket)
     {
      m_text += bracket;
      if(m_depth > 0)
         m_depth--;
     }

public:
                     CJsonWriter(void) : m_text(""), m_depth(0), m_after_key(false) { }

   void              Reset(void)
     {
      m_text = "";
      m_depth = 0;
      m_after_key = false;
      ArrayResize(m_empty, 0, 8);
     }

   void              BeginObject(void)             { Open("{"); }
   void              EndObject(void)               { Close("}"); }
   void              BeginArray(void)              { Open("["); }
   void              EndArray(void)                { Close("]"); }

   void              Key(const string name)
     {
      Separate();
      m_text += JsonQuote(name) + ":";
      m_after_key = true;
     }

   void              ValueString(const string value) { Separate(); m_text += JsonQuote(value); }
   void              ValueInteger(const long value)  { Separate(); m_text += IntegerToString(value); }
   void              ValuePrice(const double value)  { Separate(); m_text += JsonPrice(value); }
   void              ValueFixed(const double value, const int digits) { Separate(); m_text += JsonFixed(value, digits); }

   string            Text(void) const { return(m_text); }
  };

//+------------------------------------------------------------------+
//| One series copied from an indicator buffer (as series: [0] is    |
//| the forming bar). Empty when the indicator is not collected.     |
//+------------------------------------------------------------------+
class CSeriesValues
  {
public:
   double            values[];
  };

//+------------------------------------------------------------------+
//| The bars of one pair and every indicator series over them.       |
//+------------------------------------------------------------------+
class CBarWindow
  {
public:
   MqlRates          rates[];                      // as series: rates[0] is the forming bar
   CSeriesValues     series[WINDOW_SERIES_COUNT];
   int               count;                        // bars held

                     CBarWindow(void) : count(0) { }

   //--- value of a series at a shift; EMPTY_VALUE when absent or not collected
   double            Value(const int which, const int shift) const
     {
      if(shift < 0 || shift >= ArraySize(series[which].values))
         return(EMPTY_VALUE);
      return(series[which].values[shift]);
     }

   //--- true when the series' indicator is collected (its buffer was copied)
   bool              Has(const int which) const
     {
      return(ArraySize(series[which].values) > 0);
     }

   long              BarTime(const int shift) const { return((long)rates[shift].time); }
  };

//+------------------------------------------------------------------+
//| Handle a series is read from: handles[] per custom indicator     |
//| (INVALID_HANDLE = not collected), atr for the built-in ATR.      |
//+------------------------------------------------------------------+
int SeriesHandle(const int which, const int &handles[], const int atr)
  {
   int indicator = SeriesIndicator(which);
   return(indicator < 0 ? atr : handles[indicator]);
  }

//+------------------------------------------------------------------+
//| True when every indicator of the pair has calculated all bars.   |
//+------------------------------------------------------------------+
bool IndicatorsCalculated(const string broker, const ENUM_TIMEFRAMES period, const int &handles[],
                          const int atr, string &problem)
  {
   int total = Bars(broker, period);
   for(int which = 0; which < WINDOW_SERIES_COUNT; which++)
     {
      int handle = SeriesHandle(which, handles, atr);
      if(handle == INVALID_HANDLE)
         continue;
      int calculated = BarsCalculated(handle);
      if(calculated < total)
        {
         problem = StringFormat("%s indicator has calculated %d of %d bars", SeriesName(which), calculated, total);
         return(false);
        }
     }
   return(true);
  }

//+------------------------------------------------------------------+
//| Copies the latest `bars` bars and every collected series.        |
//| Fails (problem set, nothing to write) while history or an        |
//| indicator is not ready, or when a new bar opened while copying   |
//| (the buffers would be shifted by one against the prices).        |
//+------------------------------------------------------------------+
bool LoadBarWindow(CBarWindow &window, const string broker, const ENUM_TIMEFRAMES period,
                   const int &handles[], const int atr, const CollectorLayout &layout,
                   const int bars, string &problem)
  {
   window.count = 0;
   if(!IndicatorsCalculated(broker, period, handles, atr, problem))
      return(false);

   ArraySetAsSeries(window.rates, true);
   ResetLastError();
   int copied = CopyRates(broker, period, 0, bars, window.rates);
   if(copied < bars)
     {
      problem = StringFormat("CopyRates returned %d of %d bars (error %d)", copied, bars, GetLastError());
      return(false);
     }

   for(int which = 0; which < WINDOW_SERIES_COUNT; which++)
     {
      int handle = SeriesHandle(which, handles, atr);
      if(handle == INVALID_HANDLE)
        {
         ArrayFree(window.series[which].values);
         continue;
        }
      ArraySetAsSeries(window.series[which].values, true);
      ResetLastError();
      copied = CopyBuffer(handle, layout.buffer[which], 0, bars, window.series[which].values);
      if(copied < bars)
        {
         problem = StringFormat("CopyBuffer(%s, buffer %d) returned %d of %d values (error %d); check the buffer inputs",
                                SeriesName(which), layout.buffer[which], copied, bars, GetLastError());
         return(false);
        }
     }

   if(iTime(broker, period, 0) != window.rates[0].time ||
      !IndicatorsCalculated(broker, period, handles, atr, problem))
     {
      problem = "a new bar opened while copying";
      return(false);
     }

   window.count = bars;
   return(true);
  }

//+------------------------------------------------------------------+
//| Marked points of a series that count for the row at shift s,     |
//| oldest first: shifts s+1+confirm .. s+lookback.                  |
//+------------------------------------------------------------------+
int CollectPoints(const CBarWindow &window, const int which, const int s, const int confirm,
                  const int lookback, int &shifts[], double &prices[])
  {
   ArrayResize(shifts, 0, 64);
   ArrayResize(prices, 0, 64);
   int oldest = MathMin(s + lookback, window.count - 1);
   int newest = s + 1 + MathMax(0, confirm);
   int found = 0;
   for(int k = oldest; k >= newest; k--)
     {
      double value = window.Value(which, k);
      if(!IsMarkerValue(value))
         continue;
      ArrayResize(shifts, found + 1, 64);
      ArrayResize(prices, found + 1, 64);
      shifts[found] = k;
      prices[found] = value;
      found++;
     }
   return(found);
  }

//+------------------------------------------------------------------+
//| {"peaks":[{"time":t,"price":p}...],"bottoms":[...]} from a peak  |
//| and a bottom series; "" (NULL) when the indicator is not         |
//| collected.                                                       |
//+------------------------------------------------------------------+
string PointsJson(const CBarWindow &window, const int peak_series, const int bottom_series,
                  const int s, const int confirm, const int lookback)
  {
   if(!window.Has(peak_series) || !window.Has(bottom_series))
      return("");
   CJsonWriter json;
   int shifts[];
   double prices[];
   json.BeginObject();
   for(int side = 0; side < 2; side++)
     {
      int found = CollectPoints(window, side == 0 ? peak_series : bottom_series, s, confirm, lookback, shifts, prices);
      json.Key(side == 0 ? "peaks" : "bottoms");
      json.BeginArray();
      for(int i = 0; i < found; i++)
        {
         json.BeginObject();
         json.Key("time");
         json.ValueInteger(window.BarTime(shifts[i]));
         json.Key("price");
         json.ValuePrice(prices[i]);
         json.EndObject();
        }
      json.EndArray();
     }
   json.EndObject();
   return(json.Text());
  }

string FractalsJson(const CBarWindow &window, const int s, const CollectorLayout &layout)
  {
   return(PointsJson(window, WS_FRACTAL_PEAK, WS_FRACTAL_BOTTOM, s, layout.fractal_confirm, layout.lookback));
  }

string ZigZagJson(const CBarWindow &window, const int s, const CollectorLayout &layout)
  {
   return(PointsJson(window, WS_ZIGZAG_PEAK, WS_ZIGZAG_BOTTOM, s, layout.zigzag_confirm, layout.lookback));
  }

//+------------------------------------------------------------------+
//| Touch tolerance at shift s: a fraction of ATR, or 0.05% of the   |
//| close while ATR has no value yet (as the C# engine does).        |
//+------------------------------------------------------------------+
double TouchTolerance(const CBarWindow &window, const int s, const CollectorLayout &layout)
  {
   double atr = window.Value(WS_ATR, s);
   if(IsIndicatorValue(atr) && atr > 0.0)
      return(atr * layout.touch_atr_fraction);
   return(window.rates[s].close * 0.0005);
  }

//--- a line of the trendline JSON
struct TrendLine
  {
   long              start_time;
   double            start_price;
   long              end_time;
   double            end_price;
   int               touches;
  };

void WriteLines(CJsonWriter &json, const string key, const TrendLine &lines[], const int from, const int to)
  {
   json.Key(key);
   json.BeginArray();
   for(int i = from; i < to; i++)
     {
      json.BeginObject();
      json.Key("start_time");
      json.ValueInteger(lines[i].start_time);
      json.Key("start_price");
      json.ValuePrice(lines[i].start_price);
      json.Key("end_time");
      json.ValueInteger(lines[i].end_time);
      json.Key("end_price");
      json.ValuePrice(lines[i].end_price);
      json.Key("touches");
      json.ValueInteger(lines[i].touches);
      json.EndObject();
     }
   json.EndArray();
  }

//+------------------------------------------------------------------+
//| {"peak_lines":[L...],"bottom_lines":[L...]}: flat lines at the   |
//| latest anchors, from the anchor bar to the row's bar.            |
//+------------------------------------------------------------------+
string HorizontalLinesJson(const CBarWindow &window, const int s, const CollectorLayout &layout)
  {
   if(!window.Has(WS_HLINE_PEAK) || !window.Has(WS_HLINE_BOTTOM))
      return("");
   double tolerance = TouchTolerance(window, s, layout);
   CJsonWriter json;
   int shifts[];
   double prices[];
   TrendLine lines[];
   json.BeginObject();
   for(int side = 0; side < 2; side++)
     {
      bool peaks = (side == 0);
      int found = CollectPoints(window, peaks ? WS_HLINE_PEAK : WS_HLINE_BOTTOM, s, layout.fractal_confirm,
                                layout.lookback, shifts, prices);
      int first = MathMax(0, found - layout.lines_per_side);
      ArrayResize(lines, found - first);
      for(int i = first; i < found; i++)
        {
         int anchor = shifts[i];
         double price = prices[i];
         int touches = 0;
         for(int b = anchor; b >= s; b--)
           {
            double extreme = peaks ? window.rates[b].high : window.rates[b].low;
            if(MathAbs(extreme - price) <= tolerance)
               touches++;
           }
         TrendLine line;
         line.start_time = window.BarTime(anchor);
         line.start_price = price;
         line.end_time = window.BarTime(s);
         line.end_price = price;
         line.touches = touches;
         lines[i - first] = line;
        }
      WriteLines(json, peaks ? "peak_lines" : "bottom_lines", lines, 0, found - first);
     }
   json.EndObject();
   return(json.Text());
  }

//+------------------------------------------------------------------+
//| {"ascending":[L...],"descending":[L...]}: lines through two      |
//| consecutive rising bottoms / falling peaks, extended in time to  |
//| the row's bar (price interpolated by time, not by bar count).    |
//+------------------------------------------------------------------+
string DiagonalLinesJson(const CBarWindow &window, const int s, const CollectorLayout &layout)
  {
   if(!window.Has(WS_DLINE_PEAK) || !window.Has(WS_DLINE_BOTTOM))
      return("");
   double tolerance = TouchTolerance(window, s, layout);
   long end_time = window.BarTime(s);
   CJsonWriter json;
   int shifts[];
   double prices[];
   TrendLine lines[];
   json.BeginObject();
   for(int side = 0; side < 2; side++)
     {
      bool ascending = (side == 0);
      int found = CollectPoints(window, ascending ? WS_DLINE_BOTTOM : WS_DLINE_PEAK, s, layout.fractal_confirm,
                                layout.lookback, shifts, prices);
      ArrayResize(lines, 0, 16);
      int made = 0;
      for(int i = 1; i < found; i++)
        {
         double a_price = prices[i - 1];
         double b_price = prices[i];
         if(ascending ? b_price <= a_price : b_price >= a_price)
            continue;
         int a_shift = shifts[i - 1];
         long a_time = window.BarTime(a_shift);
         long b_time = window.BarTime(shifts[i]);
         double slope = (b_price - a_price) / (double)(b_time - a_time);
         int touches = 0;
         for(int b = a_shift; b >= s; b--)
           {
            double on_line = a_price + slope * (double)(window.BarTime(b) - a_time);
            double extreme = ascending ? window.rates[b].low : window.rates[b].high;
            if(MathAbs(extreme - on_line) <= tolerance)
               touches++;
           }
         ArrayResize(lines, made + 1, 16);
         lines[made].start_time = a_time;
         lines[made].start_price = a_price;
         lines[made].end_time = end_time;
         lines[made].end_price = a_price + slope * (double)(end_time - a_time);
         lines[made].touches = touches;
         made++;
        }
      WriteLines(json, ascending ? "ascending" : "descending", lines, MathMax(0, made - layout.lines_per_side), made);
     }
   json.EndObject();
   return(json.Text());
  }

//+------------------------------------------------------------------+
//| [] or [{"time":t,"direction":"bullish"|"bearish","body_ratio":r}]|
//| for the row's own bar. A flagged bar without enough history for  |
//| the average body (or a zero average) is left out, as in C#.      |
//+------------------------------------------------------------------+
string MomentumJson(const CBarWindow &window, const int s, const CollectorLayout &layout)
  {
   if(!window.Has(WS_MOMENTUM_BULL) || !window.Has(WS_MOMENTUM_BEAR))
      return("");
   double bull = window.Value(WS_MOMENTUM_BULL, s);
   double bear = window.Value(WS_MOMENTUM_BEAR, s);
   bool is_bull, is_bear;
   if(layout.buffer[WS_MOMENTUM_BULL] == layout.buffer[WS_MOMENTUM_BEAR])
     {
      is_bull = IsMarkerValue(bull) && bull > 0.0;
      is_bear = IsMarkerValue(bull) && bull < 0.0;
     }
   else
     {
      is_bull = IsMarkerValue(bull);
      is_bear = IsMarkerValue(bear);
     }

   CJsonWriter json;
   json.BeginArray();
   int period = layout.momentum_period;
   if((is_bull || is_bear) && period > 0 && s + period < window.count)
     {
      double sum = 0.0;
      for(int k = s + 1; k <= s + period; k++)
         sum += MathAbs(window.rates[k].close - window.rates[k].open);
      double average = sum / period;
      if(average > 0.0)
        {
         bool bullish = (is_bull && !is_bear) || (is_bull && is_bear && window.rates[s].close > window.rates[s].open);
         json.BeginObject();
         json.Key("time");
         json.ValueInteger(window.BarTime(s));
         json.Key("direction");
         json.ValueString(bullish ? "bullish" : "bearish");
         json.Key("body_ratio");
         json.ValueFixed(MathAbs(window.rates[s].close - window.rates[s].open) / average, 4);
         json.EndObject();
        }
     }
   json.EndArray();
   return(json.Text());
  }

//+------------------------------------------------------------------+
//| {"upper":[5 inner->outer],"middle":m,"lower":[5 inner->outer]};  |
//| "" (NULL) while any of the eleven values is missing.             |
//+------------------------------------------------------------------+
string KeltnerJson(const CBarWindow &window, const int s)
  {
   if(!window.Has(WS_KELTNER_MIDDLE))
      return("");
   double middle = window.Value(WS_KELTNER_MIDDLE, s);
   if(!IsIndicatorValue(middle))
      return("");
   for(int band = 0; band < KELTNER_BANDS; band++)
     {
      if(!IsIndicatorValue(window.Value(WS_KELTNER_UPPER + band, s)) ||
         !IsIndicatorValue(window.Value(WS_KELTNER_LOWER + band, s)))
         return("");
     }

   CJsonWriter json;
   json.BeginObject();
   json.Key("upper");
   json.BeginArray();
   for(int band = 0; band < KELTNER_BANDS; band++)
      json.ValuePrice(window.Value(WS_KELTNER_UPPER + band, s));
   json.EndArray();
   json.Key("middle");
   json.ValuePrice(middle);
   json.Key("lower");
   json.BeginArray();
   for(int band = 0; band < KELTNER_BANDS; band++)
      json.ValuePrice(window.Value(WS_KELTNER_LOWER + band, s));
   json.EndArray();
   json.EndObject();
   return(json.Text());
  }

#endif // TRADINGALERTS_INDICATOR_BUFFERS_MQH
//+------------------------------------------------------------------+
