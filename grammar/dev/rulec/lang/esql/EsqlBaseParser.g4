/*
 * ES|QL parser, written for rulec (see EsqlBaseLexer.g4 for the modes). Every alternative is labelled so the AST
 * builder gets one typed context per construct.
 */
parser grammar EsqlBaseParser;

options { tokenVocab = EsqlBaseLexer; }

singleStatement : query EOF ;

query : sourceCommand (PIPE processingCommand)* ;

sourceCommand
    : FROM indexPattern (COMMA indexPattern)* metadata?          # fromCommand
    | ROW field (COMMA field)*                                    # rowCommand
    | SHOW IDENTIFIER                                            # showCommand
    ;

indexPattern : SOURCE_NAME | STRING ;

metadata : METADATA projName (COMMA projName)* ;

processingCommand
    : WHERE booleanExpression                                    # whereCommand
    | EVAL field (COMMA field)*                                  # evalCommand
    | STATS aggFields? (BY groupings)?                           # statsCommand
    | INLINE_STATS aggFields? (BY groupings)?                    # inlineStatsCommand
    | SORT order (COMMA order)*                                  # sortCommand
    | LIMIT limitValue=constant                                  # limitCommand
    | KEEP projPattern (COMMA projPattern)*                      # keepCommand
    | DROP projPattern (COMMA projPattern)*                      # dropCommand
    | RENAME renameClause (COMMA renameClause)*                  # renameCommand
    | MV_EXPAND projName                                         # mvExpandCommand
    | DISSECT primaryExpression pattern=string commandOption*    # dissectCommand
    | GROK primaryExpression string (COMMA string)*              # grokCommand
    | ENRICH policy=SOURCE_NAME (ON projName)? (WITH enrichClause (COMMA enrichClause)*)?   # enrichCommand
    | LOOKUP_JOIN indexPattern ON projName (COMMA projName)*     # lookupJoinCommand
    | COMPLETION (qualifiedName ASSIGN)? primaryExpression WITH completionOptions   # completionCommand
    | SAMPLE constant                                            # sampleCommand
    | CHANGE_POINT qualifiedName (ON qualifiedName)?              # changePointCommand
    ;

completionOptions : mapExpression | identifierOrString ;

field : (qualifiedName ASSIGN)? booleanExpression ;

aggFields : aggField (COMMA aggField)* ;

aggField : field (E_WHERE booleanExpression)? ;

groupings : field (COMMA field)* ;

order : booleanExpression ordering=(ASC | DESC)? (NULLS nullOrder=(FIRST | LAST))? ;

renameClause
    : oldName=projPattern AS newName=projPattern                 # renameAs
    | newName=projPattern ASSIGN oldName=projPattern             # renameAssign
    ;

enrichClause : (newName=projName ASSIGN)? enrichField=projName ;

commandOption : IDENTIFIER ASSIGN constant ;

projPattern : projPart (DOT projPart)* ;
projName    : projPart (DOT projPart)* ;
projPart    : ID_PATTERN | QUOTED_IDENTIFIER | PARAM ;

// Every alternative that starts with a value expression is one alternative with an optional predicate after it,
// and a comparison is an operator expression with an optional right side: the parser then decides on the token after
// the value, instead of scanning past a parenthesised operand of any length to choose an alternative (which made
// SLL prediction build a new DFA path for every nesting depth of rendered queries).
booleanExpression
    : NOT booleanExpression                                                            # logicalNot
    | valueExpression predicate?                                                       # predicated
    | qualifiedName (CAST dataType)? COLON constant                                    # matchOperator
    | left=booleanExpression operator=AND right=booleanExpression                      # logicalBinary
    | left=booleanExpression operator=OR right=booleanExpression                       # logicalBinary
    ;

predicate
    : NOT? kind=(LIKE | RLIKE) string                                                  # likePredicate
    | NOT? kind=(LIKE | RLIKE) LP string (COMMA string)* RP                            # likeListPredicate
    | NOT? IN LP valueExpression (COMMA valueExpression)* RP                           # inPredicate
    | IS NOT? NULL                                                                     # isNullPredicate
    ;

valueExpression
    : left=operatorExpression (comparisonOperator right=operatorExpression)?
    ;

comparisonOperator : EQ | NEQ | LT | LTE | GT | GTE ;

operatorExpression
    : primaryExpression                                                                # operatorDefault
    | operator=(MINUS | PLUS) operatorExpression                                       # arithmeticUnary
    | left=operatorExpression operator=(ASTERISK | SLASH | PERCENT) right=operatorExpression   # arithmeticBinary
    | left=operatorExpression operator=(PLUS | MINUS) right=operatorExpression         # arithmeticBinary
    ;

primaryExpression
    : constant                                                                         # constantDefault
    | qualifiedName                                                                    # dereference
    | functionExpression                                                               # function
    | LP booleanExpression RP                                                          # parenthesizedExpression
    | primaryExpression CAST dataType                                                  # inlineCast
    ;

functionExpression
    : functionName LP (ASTERISK | functionArgument (COMMA functionArgument)*)? RP
    ;

functionArgument : booleanExpression | mapExpression ;

functionName : identifier | FIRST | LAST ;

mapExpression : LC (entry (COMMA entry)*)? RC ;

entry : key=string COLON value=constant ;

dataType : identifier ;

constant
    : NULL                                                                             # nullLiteral
    | integerValue identifier                                                          # timeSpanLiteral
    | decimalValue                                                                     # decimalLiteral
    | integerValue                                                                     # integerLiteral
    | booleanValue                                                                     # booleanLiteral
    | PARAM                                                                            # parameter
    | string                                                                           # stringLiteral
    | LB numericValue (COMMA numericValue)* RB                                         # numericArrayLiteral
    | LB booleanValue (COMMA booleanValue)* RB                                         # booleanArrayLiteral
    | LB string (COMMA string)* RB                                                     # stringArrayLiteral
    ;

numericValue : decimalValue | integerValue ;
decimalValue : (PLUS | MINUS)? DECIMAL ;
integerValue : (PLUS | MINUS)? INTEGER ;
booleanValue : TRUE | FALSE ;
string : STRING | TRIPLE_STRING ;

qualifiedName : identifierOrParam (DOT identifierOrParam)* ;
identifierOrParam : identifier | PARAM ;
identifier : IDENTIFIER | QUOTED_IDENTIFIER | ON | WITH ;
identifierOrString : identifier | string ;
