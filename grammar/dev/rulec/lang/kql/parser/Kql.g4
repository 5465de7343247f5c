/*
 * KQL (Kibana Query Language) as Kibana's kuery grammar accepts it.
 *
 * Precedence: not > and > or. Keywords are case-insensitive. An unquoted value is one or more chunks separated by
 * whitespace (Kibana reads "a b" as one value); the builder decides which multi-chunk values are unambiguous.
 * Escapes are kept raw here ('\\' .) and decoded, with positioned errors, by KqlValues in the builder, so the lexer
 * never fails on an unknown escape and the rules of Kibana's grammar live in one place.
 */
grammar Kql;

options { caseInsensitive = true; }

query
    : orQuery? EOF
    ;

orQuery
    : andQuery (OR andQuery)*
    ;

andQuery
    : notQuery (AND notQuery)*
    ;

// Kibana allows one `not` before a sub-query: `not not a` is an error there, `not (not a)` is fine.
notQuery
    : NOT subQuery          #negatedQuery
    | subQuery              #plainQuery
    ;

subQuery
    : LPAREN orQuery RPAREN                                      #groupQuery
    | field=literal COLON LBRACE orQuery RBRACE                  #nestedQuery
    | field=literal op=(LE | GE | LT | GT) bound=literal         #rangeQuery
    | field=literal COLON listOfValues                           #fieldQuery
    | value=literal                                              #bareQuery
    ;

listOfValues
    : LPAREN orList RPAREN  #groupValues
    | literal               #singleValue
    ;

orList
    : andList (OR andList)*
    ;

andList
    : notList (AND notList)*
    ;

notList
    : NOT listOfValues      #negatedValues
    | listOfValues          #plainValues
    ;

literal
    : QUOTED                #quotedLiteral
    | UNQUOTED+             #unquotedLiteral
    ;

OR : 'or';
AND : 'and';
NOT : 'not';

LPAREN : '(';
RPAREN : ')';
LBRACE : '{';
RBRACE : '}';
COLON : ':';
LE : '<=';
GE : '>=';
LT : '<';
GT : '>';

QUOTED
    : '"' ('\\' . | ~["\\])* '"'
    ;

// The same without the closing quote: longest-match makes it win only when the quote is never closed.
UNTERMINATED_QUOTED
    : '"' ('\\' . | ~["\\])*
    ;

// Anything but whitespace and Kibana's special characters \():<>"{} ; `*` is a wildcard and stays in the chunk.
UNQUOTED
    : ('\\' . | ~[\\():<>"{} \t\r\n\u00A0])+
    ;

WS
    : [ \t\r\n\u00A0]+ -> channel(HIDDEN)
    ;

// A character no other rule accepts (a lone backslash at the end, an unterminated quote): the parser reports it.
ERROR_CHAR
    : .
    ;
