package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddingsTest {
    @Test
    void aParaphraseIsCloserThanAnotherSubject() {
        Embeddings embeddings = Embeddings.configured("on").orElseThrow();
        String proposal = "Improve auth timeout handling";
        float[] query = embeddings.vector(proposal);
        double paraphrase = Embeddings.cosine(query, embeddings.vector("Fix authentication timeout"));
        double other = Embeddings.cosine(query, embeddings.vector("Render the billing report as PDF"));
        assertThat(paraphrase).isGreaterThan(other);
        assertThat(Embeddings.cosine(query, embeddings.vector(proposal)))
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void switchedOffByTheSetting() {
        assertThat(Embeddings.configured("off")).isEmpty();
        assertThat(Embeddings.configured(" False ")).isEmpty();
    }

    @Test
    void embedsTheTitleAndTheStartOfTheBody() {
        assertThat(Embeddings.text("Fix it", "x".repeat(Embeddings.BODY_CHARS + 50)))
                .hasSize("Fix it. ".length() + Embeddings.BODY_CHARS);
    }
}
