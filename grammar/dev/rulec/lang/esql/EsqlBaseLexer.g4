/*
 * ES|QL lexer (Elasticsearch 8.19 language, plus the later commands detection rules already use, which the analyzer
 * reports as unavailable). Written for rulec. Each command keyword switches to the mode its arguments lex in:
 *   EXPR   expressions (WHERE, EVAL, STATS, SORT, LIMIT, ROW, DISSECT, GROK, COMPLETION…)
 *   SRC    index patterns and policy names (FROM, LOOKUP JOIN, ENRICH)
 *   PROJ   field-name patterns with `*` (KEEP, DROP, MV_EXPAND, METADATA, ENRICH ON/WITH, JOIN ON)
 *   REN    the same, with the keyword AS (RENAME)
 * A `|` always returns to the default mode, where the next command keyword is read.
 */
lexer grammar EsqlBaseLexer;

options { caseInsensitive = true; }

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
WS            : [ \t\r\n]+ -> channel(HIDDEN);

FROM          : 'from'        -> pushMode(SRC);
ROW           : 'row'         -> pushMode(EXPR);
SHOW          : 'show'        -> pushMode(EXPR);
WHERE         : 'where'       -> pushMode(EXPR);
EVAL          : 'eval'        -> pushMode(EXPR);
STATS         : 'stats'       -> pushMode(EXPR);
INLINE_STATS  : ('inlinestats' | 'inline' [ \t\r\n]+ 'stats') -> pushMode(EXPR);
SORT          : 'sort'        -> pushMode(EXPR);
LIMIT         : 'limit'       -> pushMode(EXPR);
DISSECT       : 'dissect'     -> pushMode(EXPR);
GROK          : 'grok'        -> pushMode(EXPR);
COMPLETION    : 'completion'  -> pushMode(EXPR);
SAMPLE        : 'sample'      -> pushMode(EXPR);
CHANGE_POINT  : 'change_point' -> pushMode(EXPR);
KEEP          : 'keep'        -> pushMode(PROJ);
DROP          : 'drop'        -> pushMode(PROJ);
RENAME        : 'rename'      -> pushMode(REN);
MV_EXPAND     : 'mv_expand'   -> pushMode(PROJ);
ENRICH        : 'enrich'      -> pushMode(SRC);
LOOKUP_JOIN   : 'lookup' [ \t\r\n]+ 'join' -> pushMode(SRC);
UNKNOWN_COMMAND : [a-z_][a-z0-9_]*;
PIPE_D        : '|';
ANY_D         : .;

// ---------------------------------------------------------------- expressions
mode EXPR;
E_LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
E_BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
E_WS            : [ \t\r\n]+ -> channel(HIDDEN);
PIPE            : '|' -> popMode;

TRIPLE_STRING : '"""' .*? '"""' '"'?;
STRING        : '"' (~["\\\r\n] | '\\' .)* '"';
DECIMAL       : DIGIT+ '.' DIGIT* EXPONENT? | '.' DIGIT+ EXPONENT? | DIGIT+ EXPONENT;
INTEGER       : DIGIT+;

AND      : 'and';
OR       : 'or';
NOT      : 'not';
IN       : 'in';
IS       : 'is';
NULL     : 'null';
LIKE     : 'like';
RLIKE    : 'rlike';
TRUE     : 'true';
FALSE    : 'false';
BY       : 'by';
ASC      : 'asc';
DESC     : 'desc';
NULLS    : 'nulls';
FIRST    : 'first';
LAST     : 'last';
WITH     : 'with';
ON       : 'on';
E_WHERE  : 'where';

EQ       : '==';
NEQ      : '!=';
LTE      : '<=';
GTE      : '>=';
LT       : '<';
GT       : '>';
CAST     : '::';
ASSIGN   : '=';
PLUS     : '+';
MINUS    : '-';
ASTERISK : '*';
SLASH    : '/';
PERCENT  : '%';
LP       : '(';
RP       : ')';
LB       : '[';
RB       : ']';
LC       : '{';
RC       : '}';
COMMA    : ',';
DOT      : '.';
COLON    : ':';
PARAM    : '?' '?'? ([a-z_][a-z0-9_]* | DIGIT+)?;

IDENTIFIER        : [a-z_@][a-z0-9_]*;
QUOTED_IDENTIFIER : '`' (~'`' | '``')* '`';
E_ANY             : .;

// ---------------------------------------------------------------- index patterns, policy names
mode SRC;
S_LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
S_BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
S_WS            : [ \t\r\n]+ -> channel(HIDDEN);
S_PIPE          : '|' -> type(PIPE), popMode;
METADATA        : 'metadata' -> mode(PROJ);
S_ON            : 'on' -> type(ON), mode(PROJ);
S_WITH          : 'with' -> type(WITH), mode(PROJ);
S_COMMA         : ',' -> type(COMMA);
S_STRING        : ('"""' .*? '"""' | '"' (~["\\\r\n] | '\\' .)* '"') -> type(STRING);
SOURCE_NAME     : (~[ \t\r\n,|"`/] | '/' ~[/*])+;
S_ANY           : . -> type(E_ANY);

// ---------------------------------------------------------------- field-name patterns
mode PROJ;
P_LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
P_BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
P_WS            : [ \t\r\n]+ -> channel(HIDDEN);
P_PIPE          : '|' -> type(PIPE), popMode;
P_ON            : 'on' -> type(ON);
P_WITH          : 'with' -> type(WITH);
P_COMMA         : ',' -> type(COMMA);
P_DOT           : '.' -> type(DOT);
P_ASSIGN        : '=' -> type(ASSIGN);
P_COLON         : ':' -> type(COLON);
P_PARAM         : '?' '?'? ([a-z_][a-z0-9_]* | DIGIT+)? -> type(PARAM);
ID_PATTERN      : [a-z_@*] [a-z0-9_*]*;
P_QUOTED        : '`' (~'`' | '``')* '`' -> type(QUOTED_IDENTIFIER);
P_ANY           : . -> type(E_ANY);

// ---------------------------------------------------------------- RENAME: field-name patterns and AS
mode REN;
R_LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
R_BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
R_WS            : [ \t\r\n]+ -> channel(HIDDEN);
R_PIPE          : '|' -> type(PIPE), popMode;
AS              : 'as';
R_COMMA         : ',' -> type(COMMA);
R_DOT           : '.' -> type(DOT);
R_ASSIGN        : '=' -> type(ASSIGN);
R_PARAM         : '?' '?'? ([a-z_][a-z0-9_]* | DIGIT+)? -> type(PARAM);
R_ID_PATTERN    : [a-z_@*] [a-z0-9_*]* -> type(ID_PATTERN);
R_QUOTED        : '`' (~'`' | '``')* '`' -> type(QUOTED_IDENTIFIER);
R_ANY           : . -> type(E_ANY);

fragment DIGIT    : [0-9];
fragment EXPONENT : 'e' [+-]? DIGIT+;
