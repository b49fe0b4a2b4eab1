package io.fleetdeck.index;

import static io.fleetdeck.index.DocumentEncoding.ALL_BOOLEANS;
import static io.fleetdeck.index.DocumentEncoding.ALL_NUMBERS;
import static io.fleetdeck.index.DocumentEncoding.ALL_TEXT;

import io.fleetdeck.index.QueryNode.All;
import io.fleetdeck.index.QueryNode.And;
import io.fleetdeck.index.QueryNode.Exists;
import io.fleetdeck.index.QueryNode.Match;
import io.fleetdeck.index.QueryNode.Not;
import io.fleetdeck.index.QueryNode.Or;
import io.fleetdeck.index.QueryNode.Scope;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.jspecify.annotations.Nullable;

/** Translates a parsed query into a Lucene {@link Query} over the fields of {@link DocumentEncoding}. */
final class LuceneTranslation {

    private LuceneTranslation() {}

    static Query translate(QueryNode node) {
        return switch (node) {
            case All all -> MatchAllDocsQuery.INSTANCE;
            case And(var clauses) -> {
                var and = new BooleanQuery.Builder();
                boolean anyPositive = false;
                for (var clause : clauses) {
                    if (clause instanceof Not(var excluded)) {
                        and.add(translate(excluded), Occur.MUST_NOT);
                    } else {
                        and.add(translate(clause), Occur.FILTER);
                        anyPositive = true;
                    }
                }
                if (!anyPositive) {
                    and.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
                }
                yield and.build();
            }
            case Or(var clauses) -> {
                var or = new BooleanQuery.Builder();
                clauses.forEach(clause -> or.add(translate(clause), Occur.SHOULD));
                yield or.build();
            }
            // NOT is "every thing but": Lucene needs the every-thing part spelled out
            case Not(var excluded) ->
                new BooleanQuery.Builder()
                        .add(MatchAllDocsQuery.INSTANCE, Occur.FILTER)
                        .add(translate(excluded), Occur.MUST_NOT)
                        .build();
            case Exists(var field) -> new TermQuery(new Term(DocumentEncoding.EXISTS, field));
            case Match(var scope, var test) -> match(fieldsOf(scope), test);
        };
    }

    private record Fields(String text, String numbers, String booleans) {}

    private static @Nullable Fields fieldsOf(Scope scope) {
        return switch (scope) {
            case Scope.AnyField any -> new Fields(ALL_TEXT, ALL_NUMBERS, ALL_BOOLEANS);
            case Scope.Field(var path) ->
                FieldPaths.isSearchable(path)
                        ? new Fields(
                                DocumentEncoding.textField(path),
                                DocumentEncoding.numberField(path),
                                DocumentEncoding.booleanField(path))
                        : null;
        };
    }

    private static Query match(@Nullable Fields fields, ValueTest test) {
        if (fields == null) {
            return new MatchNoDocsQuery("the field is not searchable");
        }
        return switch (test) {
            case ValueTest.Word word -> {
                var anyType = new BooleanQuery.Builder();
                anyType.add(new TermQuery(new Term(fields.text(), word.token())), Occur.SHOULD);
                word.number().ifPresent(n -> anyType.add(DoubleField.newExactQuery(fields.numbers(), n), Occur.SHOULD));
                if (word.isBoolean()) {
                    anyType.add(new TermQuery(new Term(fields.booleans(), word.token())), Occur.SHOULD);
                }
                yield anyType.build();
            }
            case ValueTest.Phrase phrase ->
                new PhraseQuery(fields.text(), phrase.tokens().toArray(String[]::new));
            case ValueTest.Wildcard wildcard ->
                new WildcardQuery(new Term(fields.text(), wildcard.pattern().toLuceneSyntax()));
            case ValueTest.NumberRange range ->
                DoubleField.newRangeQuery(
                        fields.numbers(),
                        range.lowInclusive() ? range.low() : Math.nextUp(range.low()),
                        range.highInclusive() ? range.high() : Math.nextDown(range.high()));
            case ValueTest.TextRange range ->
                TermRangeQuery.newStringRange(
                        fields.text(), range.low(), range.high(), range.lowInclusive(), range.highInclusive());
        };
    }
}
