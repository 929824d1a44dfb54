// kg's openCypher grammar, written for kg from the openCypher specification.
//
// One combined grammar: ANTLR generates CypherLexer and CypherParser from it.
// Keywords are case-insensitive (spelt with one fragment per letter, since
// the 4.7 tool has no caseInsensitive option). Expression precedence is one
// rule per level, lowest first, so the AST builder (engine/parser/
// ast_builder.cpp) folds each level's operands left to right. Constructs kg
// does not run (FOREACH, LOAD CSV, CALL { }, USE) are recognised here so the
// builder can say "not supported yet" instead of a syntax error.
//
// The lexer never fails: unterminated strings, names and comments, and any
// stray character, become tokens of their own (Unterminated*, ErrorChar) that
// the parser driver reports with a message a person understands.
grammar Cypher;

// ---------------------------------------------------------------- statements

script : statement? ( ';' statement? )* EOF ;

statement
  : createIndex
  | createFullTextIndex
  | dropIndex
  | ( EXPLAIN | PROFILE )? query
  ;

createIndex
  : CREATE INDEX symbolicName? FOR '(' variable nodeLabel ')' ON '(' variable '.' propertyKeyName ')'
  | CREATE INDEX ON nodeLabel '(' propertyKeyName ')'
  ;

// A full-text index over string (or list-of-string) properties; the
// listed expressions are checked to be properties of the variable by the
// AST builder, which can say so with a position.
createFullTextIndex
  : CREATE FULLTEXT INDEX symbolicName ( IF NOT EXISTS )?
    FOR '(' variable ( ':' labelName ( '|' ':'? labelName )* )? ')'
    ON EACH '[' expression ( ',' expression )* ']'
  ;

dropIndex
  : DROP INDEX ON nodeLabel '(' propertyKeyName ')'
  | DROP INDEX symbolicName ( IF EXISTS )?
  ;

query : singleQuery ( unionOp singleQuery )* ;

unionOp : UNION ALL? ;

singleQuery : clause+ ;

clause
  : matchClause
  | unwindClause
  | withClause
  | returnClause
  | createClause
  | mergeClause
  | setClause
  | removeClause
  | deleteClause
  | callClause
  | unsupportedClause
  ;

matchClause : OPTIONAL? MATCH pattern whereClause? ;

unwindClause : UNWIND expression AS variable ;

withClause : WITH projectionBody whereClause? ;

returnClause : RETURN projectionBody ;

createClause : CREATE pattern ;

mergeClause : MERGE patternPart mergeAction* ;

mergeAction : ON ( CREATE | MATCH ) SET setItem ( ',' setItem )* ;

setClause : SET setItem ( ',' setItem )* ;

setItem
  : variable nodeLabels
  | variable '+=' expression
  | postfixExpression '=' expression
  ;

removeClause : REMOVE removeItem ( ',' removeItem )* ;

removeItem
  : variable nodeLabels
  | postfixExpression
  ;

deleteClause : DETACH? DELETE expression ( ',' expression )* ;

callClause : CALL procedureName ( '(' ( expression ( ',' expression )* )? ')' )? yieldItems? ;

procedureName : symbolicName ( '.' symbolicName )* ;

yieldItems : YIELD ( '*' | yieldItem ( ',' yieldItem )* ) whereClause? ;

yieldItem : symbolicName ( AS variable )? ;

// Recognised so the error says what is missing rather than "syntax error".
unsupportedClause
  : FOREACH '(' variable IN expression '|' clause+ ')'                                   # foreachClause
  | LOAD CSV ( WITH HEADERS )? FROM expression AS variable ( FIELDTERMINATOR StringLiteral )? # loadCsvClause
  | CALL '{' query '}'                                                                    # callSubqueryClause
  | USE symbolicName ( '.' symbolicName )*                                                # useClause
  ;

whereClause : WHERE expression ;

projectionBody : DISTINCT? projectionItems orderBy? skipClause? limitClause? ;

projectionItems
  : '*' ( ',' projectionItem )*
  | projectionItem ( ',' projectionItem )*
  ;

projectionItem : expression ( AS variable )? ;

orderBy : ORDER BY sortItem ( ',' sortItem )* ;

sortItem : expression ( ASC | ASCENDING | DESC | DESCENDING )? ;

skipClause : SKIP_ expression ;

limitClause : LIMIT expression ;

// ------------------------------------------------------------------ patterns

pattern : patternPart ( ',' patternPart )* ;

patternPart : ( variable '=' )? anonymousPatternPart ;

anonymousPatternPart
  : ( SHORTESTPATH | ALLSHORTESTPATHS ) '(' patternElement ')'
  | patternElement
  ;

patternElement
  : nodePattern patternElementChain*
  | '(' patternElement ')'
  ;

patternElementChain : relationshipPattern nodePattern ;

nodePattern : '(' variable? nodeLabels? properties? ')' ;

// <-[]-, -[]->, -[]- and <-[]-> (both directions); the detail is optional.
relationshipPattern : '<'? '-' relationshipDetail? '-' '>'? ;

relationshipDetail : '[' variable? relationshipTypes? rangeLiteral? properties? ']' ;

relationshipTypes : ':' relTypeName ( '|' ':'? relTypeName )* ;

rangeLiteral : '*' DecimalInteger? ( '..' DecimalInteger? )? ;

properties : mapLiteral | parameter ;

nodeLabels : nodeLabel+ ;

nodeLabel : ':' labelName ;

// A pattern used as an expression needs at least one relationship; "(a)"
// alone is a parenthesised expression.
relationshipsPattern : nodePattern patternElementChain+ ;

// --------------------------------------------------------------- expressions
// Lowest precedence first.

expression : orExpression ;

orExpression : xorExpression ( OR xorExpression )* ;

xorExpression : andExpression ( XOR andExpression )* ;

andExpression : notExpression ( AND notExpression )* ;

notExpression : NOT notExpression | comparisonExpression ;

// a < b < c means a < b AND b < c.
comparisonExpression : predicateExpression ( comparisonOperator predicateExpression )* ;

comparisonOperator : '=' | '<>' | '<' | '<=' | '>' | '>=' ;

predicateExpression : addSubExpression predicateSuffix* ;

predicateSuffix
  : IN addSubExpression          # inPredicate
  | STARTS WITH addSubExpression # startsWithPredicate
  | ENDS WITH addSubExpression   # endsWithPredicate
  | CONTAINS addSubExpression    # containsPredicate
  | '=~' addSubExpression        # regexPredicate
  | IS NULL_                     # isNullPredicate
  | IS NOT NULL_                 # isNotNullPredicate
  ;

addSubExpression : multDivExpression ( ( '+' | '-' ) multDivExpression )* ;

multDivExpression : powerExpression ( ( '*' | '/' | '%' ) powerExpression )* ;

// Left-associative, as openCypher specifies: 2^3^2 is (2^3)^2.
powerExpression : unaryExpression ( '^' unaryExpression )* ;

unaryExpression
  : ( '+' | '-' ) unaryExpression
  | labelExpression
  ;

labelExpression : postfixExpression nodeLabels? ;

postfixExpression : atom postfixOperator* ;

postfixOperator
  : '.' propertyKeyName                          # propertyLookup
  | '[' expression? '..' expression? ']'         # sliceOperator
  | '[' expression ']'                           # indexOperator
  ;

atom
  : literal                                                # literalAtom
  | parameter                                              # parameterAtom
  | caseExpression                                         # caseAtom
  | COUNT '(' '*' ')'                                      # countStarAtom
  | listComprehension                                      # listComprehensionAtom
  | patternComprehension                                   # patternComprehensionAtom
  | quantifierExpression                                   # quantifierAtom
  | reduceExpression                                       # reduceAtom
  | existsSubquery                                         # existsSubqueryAtom
  | countSubquery                                          # countSubqueryAtom
  | relationshipsPattern                                   # patternPredicateAtom
  | parenthesizedExpression                                # parenthesizedAtom
  | functionInvocation                                     # functionAtom
  | mapProjection                                          # mapProjectionAtom
  | variable                                               # variableAtom
  ;

parenthesizedExpression : '(' expression ')' ;

literal
  : numberLiteral
  | StringLiteral
  | TRUE
  | FALSE
  | NULL_
  | listLiteral
  | mapLiteral
  ;

numberLiteral : HexInteger | OctalInteger | DecimalInteger | ExponentReal | RegularReal ;

listLiteral : '[' ( expression ( ',' expression )* )? ']' ;

mapLiteral : '{' ( propertyKeyName ':' expression ( ',' propertyKeyName ':' expression )* )? '}' ;

parameter : '$' ( symbolicName | DecimalInteger ) ;

caseExpression : CASE expression? caseAlternative+ ( ELSE expression )? END ;

caseAlternative : WHEN expression THEN expression ;

listComprehension : '[' variable IN expression ( WHERE expression )? ( '|' expression )? ']' ;

patternComprehension : '[' ( variable '=' )? relationshipsPattern ( WHERE expression )? '|' expression ']' ;

quantifierExpression : ( ALL | ANY | NONE | SINGLE ) '(' variable IN expression ( WHERE expression )? ')' ;

reduceExpression : REDUCE '(' variable '=' expression ',' variable IN expression '|' expression ')' ;

// EXISTS { ... } and COUNT { ... }: a whole query (RETURN optional) or a
// pattern with an optional WHERE, reading the variables around it.
existsSubquery : EXISTS '{' subqueryBody '}' ;

countSubquery : COUNT '{' subqueryBody '}' ;

subqueryBody : query | pattern whereClause? ;

functionInvocation : functionName '(' DISTINCT? ( expression ( ',' expression )* )? ')' ;

functionName : symbolicName ( '.' symbolicName )* ;

mapProjection : variable '{' ( mapProjectionItem ( ',' mapProjectionItem )* )? '}' ;

mapProjectionItem
  : '.' '*'                        # allPropertiesItem
  | '.' propertyKeyName            # propertyItem
  | propertyKeyName ':' expression # literalItem
  | variable                       # variableItem
  ;

// --------------------------------------------------------------------- names

variable : symbolicName ;

labelName : schemaName ;

relTypeName : schemaName ;

propertyKeyName : schemaName ;

// Names of variables and functions: identifiers, and the keywords that
// cannot start or end a clause, so reading them as names is unambiguous.
symbolicName
  : Identifier
  | EscapedIdentifier
  | COUNT | ANY | NONE | SINGLE | ALL | EXISTS | FILTER | EXTRACT
  | SHORTESTPATH | ALLSHORTESTPATHS | INDEX | FOR | HEADERS | CSV | FIELDTERMINATOR | FROM
  | EXPLAIN | PROFILE | DROP | YIELD | USE | LOAD | FULLTEXT | EACH | IF
  ;

// Labels, relationship types, property and map keys may be any keyword.
schemaName : symbolicName | reservedWord ;

reservedWord
  : ASC | ASCENDING | BY | CREATE | DELETE | DESC | DESCENDING | DETACH | LIMIT | MATCH | MERGE
  | ON | OPTIONAL | ORDER | REMOVE | RETURN | SET | SKIP_ | WHERE | WITH | UNION | UNWIND | AND | AS | CONTAINS
  | DISTINCT | ENDS | IN | IS | NOT | OR | STARTS | XOR | CASE | ELSE | END | THEN | WHEN | NULL_ | TRUE | FALSE
  | CALL | FOREACH | REDUCE
  ;

// -------------------------------------------------------------------- lexer

ALL : A L L ;
ALLSHORTESTPATHS : A L L S H O R T E S T P A T H S ;
AND : A N D ;
ANY : A N Y ;
AS : A S ;
ASC : A S C ;
ASCENDING : A S C E N D I N G ;
BY : B Y ;
CALL : C A L L ;
CASE : C A S E ;
CONTAINS : C O N T A I N S ;
COUNT : C O U N T ;
CREATE : C R E A T E ;
CSV : C S V ;
DELETE : D E L E T E ;
DESC : D E S C ;
DESCENDING : D E S C E N D I N G ;
DETACH : D E T A C H ;
DISTINCT : D I S T I N C T ;
DROP : D R O P ;
ELSE : E L S E ;
END : E N D ;
ENDS : E N D S ;
EACH : E A C H ;
EXISTS : E X I S T S ;
EXPLAIN : E X P L A I N ;
EXTRACT : E X T R A C T ;
FALSE : F A L S E ;
FIELDTERMINATOR : F I E L D T E R M I N A T O R ;
FILTER : F I L T E R ;
FOR : F O R ;
FOREACH : F O R E A C H ;
FROM : F R O M ;
HEADERS : H E A D E R S ;
IN : I N ;
FULLTEXT : F U L L T E X T ;
IF : I F ;
INDEX : I N D E X ;
IS : I S ;
LIMIT : L I M I T ;
LOAD : L O A D ;
MATCH : M A T C H ;
MERGE : M E R G E ;
NONE : N O N E ;
NOT : N O T ;
NULL_ : N U L L ;
ON : O N ;
OPTIONAL : O P T I O N A L ;
OR : O R ;
ORDER : O R D E R ;
PROFILE : P R O F I L E ;
REDUCE : R E D U C E ;
REMOVE : R E M O V E ;
RETURN : R E T U R N ;
SET : S E T ;
SHORTESTPATH : S H O R T E S T P A T H ;
SINGLE : S I N G L E ;
SKIP_ : S K I P ;
STARTS : S T A R T S ;
THEN : T H E N ;
TRUE : T R U E ;
UNION : U N I O N ;
UNWIND : U N W I N D ;
USE : U S E ;
WHEN : W H E N ;
WHERE : W H E R E ;
WITH : W I T H ;
XOR : X O R ;
YIELD : Y I E L D ;

HexInteger : '0' [xX] [0-9a-fA-F]+ ;
OctalInteger : '0' [oO] [0-7]+ ;
DecimalInteger : [0-9]+ ;
ExponentReal : ( [0-9]+ ( '.' [0-9]+ )? | '.' [0-9]+ ) [eE] [+-]? [0-9]+ ;
RegularReal : [0-9]* '.' [0-9]+ ;

// Escapes are checked (and decoded) by the AST builder, so a bad one gets
// its own message instead of a lexer error.
StringLiteral
  : '"' ( ~["\\] | '\\' . )* '"'
  | '\'' ( ~['\\] | '\\' . )* '\''
  ;

Identifier : IdentifierStart IdentifierPart* ;

// `a name` ; a doubled backquote stands for one.
EscapedIdentifier : ( '`' ~'`'* '`' )+ ;

Whitespace : [ \t\r\n\u000B\u000C\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]+ -> skip ;

LineComment : '//' ~[\r\n]* -> skip ;

BlockComment : '/*' .*? '*/' -> skip ;

// What is left when a string, name or comment is never closed: each matches
// one character less than its closed form, so it only wins when the closing
// character is missing.
UnterminatedString
  : '"' ( ~["\\] | '\\' . )*
  | '\'' ( ~['\\] | '\\' . )*
  ;

UnterminatedIdentifier : '`' ~'`'* ;

UnterminatedComment : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* ;

ErrorChar : . ;

fragment IdentifierStart : [a-zA-Z_\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD] ;
fragment IdentifierPart : IdentifierStart | [0-9\u00B7\u0300-\u036F\u203F-\u2040] ;

fragment A : [aA] ;
fragment B : [bB] ;
fragment C : [cC] ;
fragment D : [dD] ;
fragment E : [eE] ;
fragment F : [fF] ;
fragment G : [gG] ;
fragment H : [hH] ;
fragment I : [iI] ;
fragment J : [jJ] ;
fragment K : [kK] ;
fragment L : [lL] ;
fragment M : [mM] ;
fragment N : [nN] ;
fragment O : [oO] ;
fragment P : [pP] ;
fragment Q : [qQ] ;
fragment R : [rR] ;
fragment S : [sS] ;
fragment T : [tT] ;
fragment U : [uU] ;
fragment V : [vV] ;
fragment W : [wW] ;
fragment X : [xX] ;
fragment Y : [yY] ;
fragment Z : [zZ] ;
