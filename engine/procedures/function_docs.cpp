// Each description says what the implementation does: the family files
// exec/*_functions.cpp, exec/temporal_construct.cpp, exec/functions.cpp (coalesce, exists) and
// exec/aggregator.cpp. Change the text here when a function changes.
#include "procedures/function_docs.h"

#include <algorithm>

#include "common/utf8.h"

namespace kg {

namespace {

// clang-format off
const FunctionDoc kDocs[] = {
    // ---- exec/functions.cpp ----
    {"coalesce", "coalesce(input :: ANY, ...) :: ANY",
     "The first of its arguments that is not null; null when all are null.", false},
    {"exists", "exists(input :: ANY) :: BOOLEAN",
     "Whether the value is not null, as in exists(n.prop); exists(<pattern>) is whether the pattern has a match.", false},

    // ---- exec/graph_functions.cpp ----
    {"id", "id(input :: ANY) :: INTEGER",
     "The internal id of a node or relationship; null for null.", false},
    {"labels", "labels(input :: NODE) :: LIST<STRING>",
     "The labels of a node as a list of strings; null for null.", false},
    {"type", "type(input :: RELATIONSHIP) :: STRING",
     "The type of a relationship; null for null.", false},
    {"keys", "keys(input :: ANY) :: LIST<STRING>",
     "The property keys of a node or relationship, or the keys of a map; null for null.", false},
    {"properties", "properties(input :: ANY) :: MAP",
     "The properties of a node or relationship as a map (a map is returned as it is); null for null.", false},
    {"startNode", "startNode(input :: RELATIONSHIP) :: NODE",
     "The start node of a relationship; null for null.", false},
    {"endNode", "endNode(input :: RELATIONSHIP) :: NODE",
     "The end node of a relationship; null for null.", false},
    {"nodes", "nodes(input :: PATH) :: LIST<NODE>",
     "The nodes of a path, from its start to its end; null for null.", false},
    {"relationships", "relationships(input :: PATH) :: LIST<RELATIONSHIP>",
     "The relationships of a path, from its start to its end; null for null.", false},
    {"length", "length(input :: PATH) :: INTEGER",
     "The number of relationships in a path; null for null.", false},

    // ---- exec/list_functions.cpp ----
    {"size", "size(input :: ANY) :: INTEGER",
     "The number of elements in a list, or of Unicode code points in a string; null for null.", false},
    {"head", "head(list :: LIST<ANY>) :: ANY",
     "The first element of a list; null for an empty list or null.", false},
    {"last", "last(list :: LIST<ANY>) :: ANY",
     "The last element of a list; null for an empty list or null.", false},
    {"tail", "tail(list :: LIST<ANY>) :: LIST<ANY>",
     "The list without its first element ([] for an empty list); null for null.", false},
    {"range", "range(start :: INTEGER, end :: INTEGER, step :: INTEGER = 1) :: LIST<INTEGER>",
     "The integers from start to end inclusive, step apart (step not 0, at most 50,000,000 of them); null if an argument is null.", false},
    {"reverse", "reverse(input :: ANY) :: ANY",
     "A list with its elements, or a string with its code points, in reverse order; null for null.", false},
    {"isEmpty", "isEmpty(input :: ANY) :: BOOLEAN",
     "Whether a list, string or map is empty; null for null.", false},

    // ---- exec/string_functions.cpp ----
    {"toUpper", "toUpper(input :: STRING) :: STRING",
     "The string with every letter in upper case (Unicode); null for null.", false},
    {"toLower", "toLower(input :: STRING) :: STRING",
     "The string with every letter in lower case (Unicode); null for null.", false},
    {"trim", "trim(input :: STRING) :: STRING",
     "The string without leading and trailing Unicode white space; null for null.", false},
    {"ltrim", "ltrim(input :: STRING) :: STRING",
     "The string without leading Unicode white space; null for null.", false},
    {"rtrim", "rtrim(input :: STRING) :: STRING",
     "The string without trailing Unicode white space; null for null.", false},
    {"replace", "replace(original :: STRING, search :: STRING, replace :: STRING) :: STRING",
     "The string with every occurrence of search replaced (an empty search matches around every code point); null if an argument is null.", false},
    {"substring", "substring(original :: STRING, start :: INTEGER [, length :: INTEGER]) :: STRING",
     "The part of the string from code point start (0-based), length code points long or to the end; null for a null string.", false},
    {"left", "left(original :: STRING, length :: INTEGER) :: STRING",
     "The first length code points of the string (all of it when shorter); null for a null string, an error for a null length.", false},
    {"right", "right(original :: STRING, length :: INTEGER) :: STRING",
     "The last length code points of the string (all of it when shorter); null for a null string, an error for a null length.", false},
    {"split", "split(original :: STRING, splitDelimiter :: STRING) :: LIST<STRING>",
     "The parts of the string between occurrences of the delimiter (an empty one splits into code points); null if an argument is null.", false},
    {"char_length", "char_length(input :: STRING) :: INTEGER",
     "The number of Unicode code points in the string; null for null.", false},
    {"character_length", "character_length(input :: STRING) :: INTEGER",
     "The number of Unicode code points in the string (as char_length); null for null.", false},

    // ---- exec/math_functions.cpp ----
    {"abs", "abs(input :: NUMBER) :: NUMBER",
     "The absolute value, of the input's type (for the smallest INTEGER an overflow error); null for null.", false},
    {"sign", "sign(input :: NUMBER) :: INTEGER",
     "The sign of the number: -1, 0 or 1; null for null.", false},
    {"round", "round(value :: NUMBER [, precision :: INTEGER, mode :: STRING = 'HALF_UP']) :: FLOAT",
     "The number rounded to a FLOAT: whole, halves towards +infinity, or to precision 0-15 decimals, halves away from zero (mode 'HALF_UP'); null for null.", false},
    {"floor", "floor(input :: NUMBER) :: FLOAT",
     "The largest whole number not above the number, as a FLOAT; null for null.", false},
    {"ceil", "ceil(input :: NUMBER) :: FLOAT",
     "The smallest whole number not below the number, as a FLOAT; null for null.", false},
    {"sqrt", "sqrt(input :: NUMBER) :: FLOAT",
     "The square root (NaN for a negative number); null for null.", false},
    {"exp", "exp(input :: NUMBER) :: FLOAT",
     "e raised to the power of the number; null for null.", false},
    {"log", "log(input :: NUMBER) :: FLOAT",
     "The natural logarithm (-Infinity for 0, NaN below 0); null for null.", false},
    {"log10", "log10(input :: NUMBER) :: FLOAT",
     "The base-10 logarithm (-Infinity for 0, NaN below 0); null for null.", false},
    {"sin", "sin(input :: NUMBER) :: FLOAT",
     "The sine of an angle in radians; null for null.", false},
    {"cos", "cos(input :: NUMBER) :: FLOAT",
     "The cosine of an angle in radians; null for null.", false},
    {"tan", "tan(input :: NUMBER) :: FLOAT",
     "The tangent of an angle in radians; null for null.", false},
    {"cot", "cot(input :: NUMBER) :: FLOAT",
     "The cotangent (1 / tan) of an angle in radians (Infinity for 0); null for null.", false},
    {"asin", "asin(input :: NUMBER) :: FLOAT",
     "The arcsine in radians (NaN outside -1 to 1); null for null.", false},
    {"acos", "acos(input :: NUMBER) :: FLOAT",
     "The arccosine in radians (NaN outside -1 to 1); null for null.", false},
    {"atan", "atan(input :: NUMBER) :: FLOAT",
     "The arctangent in radians; null for null.", false},
    {"atan2", "atan2(y :: NUMBER, x :: NUMBER) :: FLOAT",
     "The angle in radians between the x-axis and the point (x, y); null if an argument is null.", false},
    {"degrees", "degrees(input :: NUMBER) :: FLOAT",
     "An angle in radians converted to degrees; null for null.", false},
    {"radians", "radians(input :: NUMBER) :: FLOAT",
     "An angle in degrees converted to radians; null for null.", false},
    {"haversin", "haversin(input :: NUMBER) :: FLOAT",
     "The haversine of an angle in radians, (1 - cos(x)) / 2; null for null.", false},
    {"pi", "pi() :: FLOAT",
     "The mathematical constant pi, 3.141592653589793.", false},
    {"e", "e() :: FLOAT",
     "Euler's number e, 2.718281828459045, the base of the natural logarithm.", false},
    {"rand", "rand() :: FLOAT",
     "A random FLOAT from 0.0 (inclusive) to 1.0 (exclusive), a new one at each call.", false},
    {"isNaN", "isNaN(input :: NUMBER) :: BOOLEAN",
     "Whether the number is NaN (not a number); null for null.", false},

    // ---- exec/conversion_functions.cpp ----
    {"toString", "toString(input :: ANY) :: STRING",
     "A STRING, number, BOOLEAN or temporal value (as ISO 8601 text, e.g. P9Y10M15D) as a STRING, an error for other types; null for null.", false},
    {"toStringOrNull", "toStringOrNull(input :: ANY) :: STRING",
     "As toString, but null instead of an error for a value of another type.", false},
    {"toInteger", "toInteger(input :: ANY) :: INTEGER",
     "A number (truncated towards zero), BOOLEAN (1 or 0) or STRING as an INTEGER, null for text that is not a number, an error for other types; null for null.", false},
    {"toIntegerOrNull", "toIntegerOrNull(input :: ANY) :: INTEGER",
     "As toInteger, but null instead of an error for a value of another type or a number beyond the INTEGER range.", false},
    {"toFloat", "toFloat(input :: ANY) :: FLOAT",
     "A number or STRING as a FLOAT, null for text that is not a number, an error for other types; null for null.", false},
    {"toFloatOrNull", "toFloatOrNull(input :: ANY) :: FLOAT",
     "As toFloat, but null instead of an error for a value of another type.", false},
    {"toBoolean", "toBoolean(input :: ANY) :: BOOLEAN",
     "A BOOLEAN, INTEGER (0 is false) or STRING ('true' or 'false' in any case) as a BOOLEAN, null for other text, an error for other types; null for null.", false},
    {"toBooleanOrNull", "toBooleanOrNull(input :: ANY) :: BOOLEAN",
     "As toBoolean, but null instead of an error for a value of another type.", false},

    // ---- exec/temporal_construct.cpp ----
    {"date", "date([input :: ANY]) :: DATE",
     "A DATE from ISO 8601 text, a map ({year, month, day}, {year, week, dayOfWeek}, {year, ordinalDay}, {year, quarter, dayOfQuarter}, {date: d}) or a temporal.", false},
    {"date.realtime", "date.realtime([timezone :: STRING]) :: DATE",
     "The current date by the real-time clock, read at each call, in the given zone (offset or IANA name; UTC by default).", false},
    {"date.statement", "date.statement([timezone :: STRING]) :: DATE",
     "The current date when the statement started, in the given zone (offset or IANA name; UTC by default).", false},
    {"date.transaction", "date.transaction([timezone :: STRING]) :: DATE",
     "The current date when the transaction started, in the given zone (offset or IANA name; UTC by default).", false},
    {"localtime", "localtime([input :: ANY]) :: LOCAL TIME",
     "A LOCAL TIME from ISO 8601 text, a map ({hour, minute, second, millisecond, microsecond, nanosecond}, {time: t, ...}) or a temporal value; now if none.", false},
    {"localtime.realtime", "localtime.realtime([timezone :: STRING]) :: LOCAL TIME",
     "The current local time by the real-time clock, read at each call, in the given zone (offset or IANA name; UTC by default).", false},
    {"localtime.statement", "localtime.statement([timezone :: STRING]) :: LOCAL TIME",
     "The current local time when the statement started, in the given zone (offset or IANA name; UTC by default).", false},
    {"localtime.transaction", "localtime.transaction([timezone :: STRING]) :: LOCAL TIME",
     "The current local time when the transaction started, in the given zone (offset or IANA name; UTC by default).", false},
    {"time", "time([input :: ANY]) :: ZONED TIME",
     "A ZONED TIME from ISO 8601 text (UTC without an offset), a map of time fields and timezone ({time: t, ...}) or a temporal value; now if none.", false},
    {"time.realtime", "time.realtime([timezone :: STRING]) :: ZONED TIME",
     "The current time with offset by the real-time clock, read at each call, in the given zone (offset or IANA name; UTC by default).", false},
    {"time.statement", "time.statement([timezone :: STRING]) :: ZONED TIME",
     "The current time with offset when the statement started, in the given zone (offset or IANA name; UTC by default).", false},
    {"time.transaction", "time.transaction([timezone :: STRING]) :: ZONED TIME",
     "The current time with offset when the transaction started, in the given zone (offset or IANA name; UTC by default).", false},
    {"localdatetime", "localdatetime([input :: ANY]) :: LOCAL DATETIME",
     "A LOCAL DATETIME from ISO 8601 text, a map of date and time fields ({date: d, time: t, ...}, {datetime: dt, ...}) or a temporal value; now if none.", false},
    {"localdatetime.realtime", "localdatetime.realtime([timezone :: STRING]) :: LOCAL DATETIME",
     "The current local date-time by the real-time clock, read at each call, in the given zone (offset or IANA name; UTC by default).", false},
    {"localdatetime.statement", "localdatetime.statement([timezone :: STRING]) :: LOCAL DATETIME",
     "The current local date-time when the statement started, in the given zone (offset or IANA name; UTC by default).", false},
    {"localdatetime.transaction", "localdatetime.transaction([timezone :: STRING]) :: LOCAL DATETIME",
     "The current local date-time when the transaction started, in the given zone (offset or IANA name; UTC by default).", false},
    {"datetime", "datetime([input :: ANY]) :: ZONED DATETIME",
     "A ZONED DATETIME from ISO 8601 text, a map of fields with timezone (offset or IANA name), {epochSeconds}, {epochMillis} or a temporal value; now (UTC) if none.", false},
    {"datetime.realtime", "datetime.realtime([timezone :: STRING]) :: ZONED DATETIME",
     "The current zoned date-time by the real-time clock, read at each call, in the given zone (offset or IANA name; UTC by default).", false},
    {"datetime.statement", "datetime.statement([timezone :: STRING]) :: ZONED DATETIME",
     "The current zoned date-time when the statement started, in the given zone (offset or IANA name; UTC by default).", false},
    {"datetime.transaction", "datetime.transaction([timezone :: STRING]) :: ZONED DATETIME",
     "The current zoned date-time when the transaction started, in the given zone (offset or IANA name; UTC by default).", false},
    {"datetime.fromepoch", "datetime.fromepoch(seconds :: INTEGER, nanoseconds :: INTEGER) :: ZONED DATETIME",
     "The instant that many seconds and nanoseconds after 1970-01-01T00:00Z, in UTC; null if either is null.", false},
    {"datetime.fromepochmillis", "datetime.fromepochmillis(milliseconds :: INTEGER) :: ZONED DATETIME",
     "The instant that many milliseconds after 1970-01-01T00:00Z, in UTC; null for null.", false},
    {"duration", "duration(input :: ANY) :: DURATION",
     "A DURATION from ISO 8601 text (P1Y2M10DT12H45M30.25S) or a map of years ... nanoseconds; fractions cascade to smaller units (a month is 2629746 s).", false},
    {"timestamp", "timestamp() :: INTEGER",
     "The current time in milliseconds since 1970-01-01T00:00:00Z, read at each call.", false},

    // ---- exec/temporal_arithmetic_functions.cpp ----
    {"duration.between", "duration.between(from :: ANY, to :: ANY) :: DURATION",
     "The duration from one temporal value to another: whole months, then days, then seconds (a date, time or zone missing on one side is borrowed); null for null.", false},
    {"duration.inMonths", "duration.inMonths(from :: ANY, to :: ANY) :: DURATION",
     "The whole months from one temporal value to another (PT0S unless both have a date); null for null.", false},
    {"duration.inDays", "duration.inDays(from :: ANY, to :: ANY) :: DURATION",
     "The whole days from one temporal value to another (PT0S unless both have a date); null for null.", false},
    {"duration.inSeconds", "duration.inSeconds(from :: ANY, to :: ANY) :: DURATION",
     "The exact time from one temporal value to another in seconds and nanoseconds; null for null.", false},
    {"date.truncate", "date.truncate(unit :: STRING, input :: ANY [, fields :: MAP]) :: DATE",
     "The date of a temporal value cut to the start of a unit (millennium down to day; week: the Monday), then given the map's fields; null for null.", false},
    {"datetime.truncate", "datetime.truncate(unit :: STRING, input :: ANY [, fields :: MAP]) :: ZONED DATETIME",
     "A value with a date cut to the start of a unit (millennium down to microsecond), in its zone or UTC, then given the map's fields; null for null.", false},
    {"localdatetime.truncate", "localdatetime.truncate(unit :: STRING, input :: ANY [, fields :: MAP]) :: LOCAL DATETIME",
     "A value with a date cut to the start of a unit (millennium down to microsecond), without a zone, then given the map's fields; null for null.", false},
    {"time.truncate", "time.truncate(unit :: STRING, input :: ANY [, fields :: MAP]) :: ZONED TIME",
     "The time of day of a value cut to the start of a unit (day down to microsecond), with its offset or UTC, then given the map's fields; null for null.", false},
    {"localtime.truncate", "localtime.truncate(unit :: STRING, input :: ANY [, fields :: MAP]) :: LOCAL TIME",
     "The time of day of a value cut to the start of a unit (day down to microsecond), then given the map's fields; null for null.", false},

    // ---- exec/validity_functions.cpp ----
    {"kg.validAt", "kg.validAt(fact :: ANY, when :: ANY) :: BOOLEAN",
     "Whether a node, relationship or map holds on a day by valid_from/valid_to, else reported ('2021' covers the year); none: true.", false},

    // ---- exec/search_functions.cpp ----
    {"kg.fold", "kg.fold(input :: STRING) :: STRING",
     "The search key of a string: case folded, accents and tone marks removed, đ as d, punctuation as one space; null for null.", false},

    // ---- exec/evidence_functions.cpp ----
    {"kg.evidence", "kg.evidence(fact :: NODE | RELATIONSHIP) :: STRING | LIST<STRING>",
     "The sentence a fact's span comes from, span marked with ⟦ ⟧; for spans (MENTIONS) a list, one per mention; null without.",
     false},

    // ---- aggregates: exec/aggregator.cpp (each also takes DISTINCT) ----
    {"count", "count(input :: ANY) :: INTEGER",
     "The number of non-null values (count(*): the number of rows); 0 for no rows.", true},
    {"sum", "sum(input :: NUMBER) :: NUMBER",
     "The sum of the non-null numbers, an INTEGER while all are INTEGERs (overflow is an error) and otherwise a FLOAT; 0 for no values.", true},
    {"avg", "avg(input :: NUMBER) :: FLOAT",
     "The mean of the non-null numbers; null for no values.", true},
    {"min", "min(input :: ANY) :: ANY",
     "The smallest non-null value in ORDER BY's order (values of different types compare); null for no values.", true},
    {"max", "max(input :: ANY) :: ANY",
     "The largest non-null value in ORDER BY's order (values of different types compare); null for no values.", true},
    {"collect", "collect(input :: ANY) :: LIST<ANY>",
     "The non-null values as a list, in the order they come; [] for no values.", true},
    {"stDev", "stDev(input :: NUMBER) :: FLOAT",
     "The sample standard deviation (dividing by n - 1) of the non-null numbers; 0.0 for fewer than two.", true},
    {"stDevP", "stDevP(input :: NUMBER) :: FLOAT",
     "The population standard deviation (dividing by n) of the non-null numbers; 0.0 for no values.", true},
    {"percentileCont", "percentileCont(input :: NUMBER, percentile :: FLOAT) :: FLOAT",
     "The percentile (0.0 to 1.0) of the non-null numbers, interpolated linearly between the two nearest; null for no values.", true},
    {"percentileDisc", "percentileDisc(input :: NUMBER, percentile :: FLOAT) :: NUMBER",
     "The smallest of the non-null numbers with at least the percentile's (0.0 to 1.0) share of them at or below it; null for no values.", true},
};
// clang-format on

// a < b, ignoring case.
bool LessIgnoringCase(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return utf8::AsciiLower(x) < utf8::AsciiLower(y); });
}

}  // namespace

const std::vector<FunctionDoc>& FunctionDocs() {
  static const std::vector<FunctionDoc> docs = [] {
    std::vector<FunctionDoc> out(std::begin(kDocs), std::end(kDocs));
    std::sort(out.begin(), out.end(),
              [](const FunctionDoc& a, const FunctionDoc& b) { return LessIgnoringCase(a.name, b.name); });
    return out;
  }();
  return docs;
}

const FunctionDoc* FindFunctionDoc(std::string_view name) {
  const std::vector<FunctionDoc>& docs = FunctionDocs();
  auto it = std::lower_bound(docs.begin(), docs.end(), name,
                             [](const FunctionDoc& d, std::string_view n) { return LessIgnoringCase(d.name, n); });
  if (it == docs.end() || LessIgnoringCase(name, it->name)) return nullptr;
  return &*it;
}

}  // namespace kg
