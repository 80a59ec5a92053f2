package tradetalk.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tradetalk.store.opensearch.BulkIngest.BulkOp;

/** How the OpenSearch store cuts an ingest's operations into bulk requests: by count and by bytes, in order. */
class BulkPartsTest {

    private static BulkOp doc(String id, int textChars, int dims) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("text", "x".repeat(textChars));
        var v = d.putArray("vector");
        for (int i = 0; i < dims; i++) {
            v.add(0.123456f);
        }
        return BulkOp.index(id, d);
    }

    private static List<String> ids(List<List<BulkOp>> parts, int part) {
        return parts.get(part).stream().map(BulkOp::id).toList();
    }

    @Test
    void given_small_documents_when_cut_then_each_request_has_at_most_the_operation_limit_in_input_order() {
        List<BulkOp> ops = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ops.add(doc("d" + i, 10, 4));
        }

        List<List<BulkOp>> parts = BulkIngest.parts(ops, 3, Long.MAX_VALUE);

        assertThat(parts).hasSize(3);
        assertThat(ids(parts, 0)).containsExactly("d0", "d1", "d2");
        assertThat(ids(parts, 2)).containsExactly("d6");
    }

    @Test
    void given_large_documents_when_cut_then_a_request_stays_under_the_byte_limit_and_an_oversized_one_goes_alone() {
        BulkOp big = doc("big", 50_000, 384);
        List<BulkOp> ops = List.of(doc("a", 1000, 384), doc("b", 1000, 384), big, doc("c", 1000, 384));
        long limit = 2 * ops.getFirst().bytes() + 10;

        List<List<BulkOp>> parts = BulkIngest.parts(ops, 1000, limit);

        assertThat(parts).hasSize(3);
        assertThat(ids(parts, 0)).containsExactly("a", "b");
        assertThat(ids(parts, 1)).containsExactly("big");
        assertThat(ids(parts, 2)).containsExactly("c");
        assertThat(big.bytes()).isGreaterThan(50_000 + 384 * 8);
    }

    @Test
    void given_deletes_when_cut_then_they_count_like_other_operations() {
        List<BulkOp> ops = List.of(BulkOp.delete("p#3"), BulkOp.delete("p#4"), BulkOp.delete("p#5"));

        assertThat(BulkIngest.parts(ops, 2, Long.MAX_VALUE)).hasSize(2);
        assertThat(BulkIngest.parts(List.of(), 2, Long.MAX_VALUE)).isEmpty();
    }
}
