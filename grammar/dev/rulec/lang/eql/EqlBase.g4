/*
 * EQL as Elastic detection rules use it, written for rulec: event queries (`category where condition`), sequences
 * (`by`, `with maxspan=`, `until`, `with runs=`, missing events `![...]`), samples, and pipes.
 */
grammar EqlBase;

options { caseInsensitive = true; }

singleStatement : statement EOF ;

statement : query pipe* ;

query
    : eventQuery                                                                   # eventStatement
    | SEQUENCE (BY joinKeys)? (WITH MAXSPAN ASSIGN timeSpan)? sequenceTerm+ (UNTIL subquery)?   # sequence
    | SAMPLE (BY joinKeys)? subquery subquery+                                     # sample
    | JOIN (BY joinKeys)? subquery subquery+ (UNTIL subquery)?                     # join
    ;

sequenceTerm : BANG? subquery (WITH RUNS ASSIGN INTEGER)? ;

subquery : LB eventQuery RB (BY joinKeys)? ;

joinKeys : expression (COMMA expression)* ;

eventQuery : category=eventCategory WHERE expression ;

eventCategory : ANY | identifier | STRING ;

timeSpan : INTEGER identifier? | TIME_SPAN ;

pipe : PIPE name=identifier (expression (COMMA expression)*)? ;

expression
    : NOT expression                                                               # logicalNot
    | predicate                                                                    # predicateDefault
    | left=expression AND right=expression                                         # logicalAnd
    | left=expression OR right=expression                                          # logicalOr
    ;

// A value with an optional test after it, and a comparison as an operator expression with an optional right side:
// the parser decides on the token after the value instead of scanning past a parenthesised operand to pick an
// alternative (the same shape as rulec's ES|QL grammar, for the same reason: prediction cost per nesting depth).
predicate : value=valueExpression predicateTail? ;

predicateTail
    : NOT? kind=(IN | IN_INSENSITIVE) LP valueExpression (COMMA valueExpression)* RP   # inTail
    | kind=(SEQ | LIKE | LIKE_INSENSITIVE | REGEX | REGEX_INSENSITIVE)
        (constant | LP constant (COMMA constant)* RP)                              # stringTail
    ;

valueExpression : left=operatorExpression (comparisonOperator right=operatorExpression)? ;

comparisonOperator : EQ | NEQ | LT | LTE | GT | GTE ;

operatorExpression
    : primaryExpression                                                            # primaryDefault
    | operator=(MINUS | PLUS) operatorExpression                                   # arithmeticUnary
    | left=operatorExpression operator=(ASTERISK | SLASH | PERCENT) right=operatorExpression   # arithmeticBinary
    | left=operatorExpression operator=(PLUS | MINUS) right=operatorExpression     # arithmeticBinary
    ;

primaryExpression
    : constant                                                                     # constantDefault
    | functionExpression                                                           # function
    | QUESTION? qualifiedName                                                      # dereference
    | LP expression RP                                                             # parenthesized
    ;

functionExpression : name=functionName LP (expression (COMMA expression)*)? RP ;

functionName : identifier TILDE? ;

constant
    : NULL                                                                         # nullLiteral
    | number                                                                       # numericLiteral
    | (TRUE | FALSE)                                                               # booleanLiteral
    | STRING                                                                       # stringLiteral
    ;

number : DECIMAL | INTEGER ;

qualifiedName : identifier (DOT identifier | LB INTEGER RB)* ;

identifier : IDENTIFIER | QUOTED_IDENTIFIER | MAXSPAN | RUNS | ANY | SAMPLE | JOIN ;

AND      : 'and';
ANY      : 'any';
BY       : 'by';
FALSE    : 'false';
IN       : 'in';
IN_INSENSITIVE : 'in~';
JOIN     : 'join';
LIKE     : 'like';
LIKE_INSENSITIVE : 'like~';
MAXSPAN  : 'maxspan';
NOT      : 'not';
NULL     : 'null';
OR       : 'or';
REGEX    : 'regex';
REGEX_INSENSITIVE : 'regex~';
RUNS     : 'runs';
SAMPLE   : 'sample';
SEQUENCE : 'sequence';
TRUE     : 'true';
UNTIL    : 'until';
WHERE    : 'where';
WITH     : 'with';

SEQ      : ':';
ASSIGN   : '=';
EQ       : '==';
NEQ      : '!=';
LT       : '<';
LTE      : '<=';
GT       : '>';
GTE      : '>=';
PLUS     : '+';
MINUS    : '-';
ASTERISK : '*';
SLASH    : '/';
PERCENT  : '%';
DOT      : '.';
COMMA    : ',';
LB       : '[';
RB       : ']';
LP       : '(';
RP       : ')';
PIPE     : '|';
BANG     : '!';
QUESTION : '?';
TILDE    : '~';

STRING
    : '"""' .*? '"""'
    | '"' ('\\' . | ~["\\\r\n])* '"'
    | '\'' ('\\' . | ~['\\\r\n])* '\''
    | '?"' ('\\"' | ~["])* '"'
    ;

TIME_SPAN : DIGIT+ [a-z]+ ;
INTEGER   : DIGIT+ ;
DECIMAL   : DIGIT+ '.' DIGIT* EXPONENT? | '.' DIGIT+ EXPONENT? | DIGIT+ EXPONENT ;

IDENTIFIER        : [a-z_@] [a-z0-9_@]* ;
QUOTED_IDENTIFIER : '`' (~'`' | '``')* '`' ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
WS            : [ \t\r\n]+ -> channel(HIDDEN);

UNRECOGNIZED : . ;

fragment DIGIT    : [0-9];
fragment EXPONENT : 'e' [+-]? DIGIT+;
