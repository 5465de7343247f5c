/* The tokens of Lucene's classic query syntax (see LuceneParser.g4). */
lexer grammar LuceneLexer;

AND : 'AND' | '&&';
OR : 'OR' | '||';
NOT : 'NOT' | '!';
PLUS : '+';
MINUS : '-';
BAREOPER : [+\-!] WS_CHAR;
LPAREN : '(';
RPAREN : ')';
COLON : ':';
STAR : '*';
CARAT : '^' -> pushMode(BOOST);
QUOTED : '"' (~["\\] | ESCAPED)* '"';
TERM : TERM_START TERM_CHAR*;
// Lucene reads any term characters after `~` (Elasticsearch takes `~AUTO`, `~1`, `~2.0`; the builder checks them).
FUZZY_SLOP : '~' TERM_CHAR*;
PREFIXTERM : TERM_START TERM_CHAR* '*';
WILDTERM : (TERM_START | [*?]) (TERM_CHAR | [*?])*;
REGEXPTERM : '/' (~'/' | '\\/')* '/';
RANGEIN_START : '[' -> pushMode(RANGE);
RANGEEX_START : '{' -> pushMode(RANGE);

WS : WS_CHAR+ -> channel(HIDDEN);

// Longest match makes these win only when the closing quote or slash never comes: the parser reports them.
UNTERMINATED_QUOTED : '"' (~["\\] | ESCAPED)*;
UNTERMINATED_REGEXP : '/' (~'/' | '\\/')*;

// A character no other rule accepts (a lone `\` at the end, `]`, `}`): the parser reports it.
ERROR_CHAR : .;

fragment WS_CHAR : [ \t\n\r\u3000];
fragment ESCAPED : '\\' .;
fragment TERM_START : ~[ \t\n\r\u3000+\-!():^[\]"{}~*?\\/] | ESCAPED;
fragment TERM_CHAR : TERM_START | ESCAPED | [+\-];

mode RANGE;
RANGE_TO : 'TO';
RANGEIN_END : ']' -> popMode;
RANGEEX_END : '}' -> popMode;
RANGE_QUOTED : '"' (~'"' | '\\"')+ '"';
RANGE_GOOP : ~[ \]}]+;
RANGE_WS : WS_CHAR+ -> channel(HIDDEN);

// Whitespace is no boost: Lucene skips it only outside this mode (`a^ 2` is a lexical error).
mode BOOST;
NUMBER : [0-9]+ ('.' [0-9]+)? -> popMode;
BOOST_ERROR : . -> popMode;
