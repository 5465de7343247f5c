/*
 * Lucene's classic query syntax as Elasticsearch 8.19's query_string query accepts it.
 *
 * The tokens follow the classic query parser's lexical rules, including its longest-match choices: `&&b` and `ANDY` are
 * terms, `AND` and `&&` alone are operators, `a-b` is one term, and `+`, `-` or `!` followed by whitespace is a term
 * (the character itself). Operators are case-sensitive. A clause takes at most one modifier (`+`, `-`, `NOT`, `!`) and
 * at most one `field:` prefix, so only parentheses nest. Ranges and boosts lex in their own modes, as in Lucene: inside
 * `[ … ]` or `{ … }` a bound is any run of characters but space, `]` and `}` (or a quoted string), and `^` must be
 * followed by a number. Escapes are kept raw here and decoded, with positioned errors, by the builder.
 * The tokens are in LuceneLexer.g4 (ranges and boosts need lexer modes, which only a lexer grammar has).
 */
parser grammar LuceneParser;

options { tokenVocab = LuceneLexer; }


query
    : booleanQuery? EOF
    ;

// The conjunction before each clause is optional: juxtaposed clauses take Elasticsearch's default operator (OR).
booleanQuery
    : modClause (conjunction? modClause)*
    ;

conjunction
    : AND
    | OR
    ;

modClause
    : modifier=(PLUS | MINUS | NOT)? clause
    ;

clause
    : (field=(TERM | STAR) COLON)? term                             #termClause
    | (field=(TERM | STAR) COLON)? LPAREN booleanQuery RPAREN boost? #groupClause
    ;

term
    : value=(TERM | STAR | PREFIXTERM | WILDTERM | REGEXPTERM | BAREOPER) suffix?  #bareTerm
    | QUOTED suffix?                                                                #phraseTerm
    | open=(RANGEIN_START | RANGEEX_START) lower=rangeBound RANGE_TO upper=rangeBound
          close=(RANGEIN_END | RANGEEX_END) boost?                                  #rangeTerm
    ;

// Boost and fuzziness (or, after a phrase, slop) in either order.
suffix
    : boost FUZZY_SLOP?
    | FUZZY_SLOP boost?
    ;

boost
    : CARAT NUMBER
    ;

rangeBound
    : RANGE_GOOP
    | RANGE_QUOTED
    | RANGE_TO
    ;
