package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PorterStemmerTest {
    @ParameterizedTest
    @CsvSource({
        "caresses, caress",
        "ponies, poni",
        "cats, cat",
        "agreed, agre",
        "plastered, plaster",
        "motoring, motor",
        "conflated, conflat",
        "hopping, hop",
        "filing, file",
        "falling, fall",
        "relational, relat",
        "conditional, condit",
        "digitizer, digit",
        "vietnamization, vietnam",
        "hopefulness, hope",
        "formalize, formal",
        "electrical, electr",
        "adjustment, adjust",
        "adoption, adopt",
        "effective, effect",
        "controll, control",
        "generalizations, gener"
    })
    void stemsLikePortersReferenceVocabulary(String word, String stem) {
        assertThat(PorterStemmer.stem(word)).isEqualTo(stem);
    }

    @Test
    void inflectionsOfOneWordShareAStem() {
        assertThat(PorterStemmer.stem("handling")).isEqualTo(PorterStemmer.stem("handle"));
        assertThat(PorterStemmer.stem("authentication")).isEqualTo(PorterStemmer.stem("authenticate"));
        assertThat(PorterStemmer.stem("timeouts")).isEqualTo(PorterStemmer.stem("timeout"));
    }

    @Test
    void leavesShortWordsAlone() {
        assertThat(PorterStemmer.stem("is")).isEqualTo("is");
        assertThat(PorterStemmer.stem("a")).isEqualTo("a");
    }
}
