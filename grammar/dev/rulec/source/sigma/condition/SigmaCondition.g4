/*
 * The condition of a Sigma rule (Sigma specification v2.1, "Condition").
 * Precedence, highest first: parentheses, `not`, `and`, `or`. Keywords are case-insensitive;
 * identifiers keep their case. `x of pattern` selects detections whose names match the pattern
 * (`*` any run of characters, `?` one character); `them` selects every detection not starting with `_`.
 */
grammar SigmaCondition;

options { caseInsensitive = true; }

condition
    : expr EOF
    ;

expr
    : LPAREN inner=expr RPAREN                                  #parenExpr
    | NOT operand=expr                                          #notExpr
    | left=expr AND right=expr                                  #andExpr
    | left=expr OR right=expr                                   #orExpr
    | quantifier=(ONE | ANY | ALL) OF (THEM | pattern=IDENT)    #ofExpr
    | name=IDENT                                                #identExpr
    ;

AND    : 'and';
OR     : 'or';
NOT    : 'not';
OF     : 'of';
ONE    : '1';
ANY    : 'any';
ALL    : 'all';
THEM   : 'them';
LPAREN : '(';
RPAREN : ')';
PIPE   : '|';

IDENT  : [a-z0-9_*?.\-]+ ;

WS     : [ \t\r\n]+ -> skip ;
