package io.wenzheng.analytics.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BigramsTest {

    @Test
    void aTermIsItsTwoCodePointsAndSortsAsItsStringDoes() {
        for (String text : new String[] {"噪音", "ab", "12", "𠀀音", "音𠀀", "ａｂ"}) {
            assertThat(Bigrams.text(Bigrams.term(text))).isEqualTo(text);
        }
        assertThat(Bigrams.term("噪")).isEqualTo(-1);
        assertThat(Bigrams.term("噪音大")).isEqualTo(-1);
        assertThat(Bigrams.term("")).isEqualTo(-1);
        assertThat(Long.compare(Bigrams.term("停车"), Bigrams.term("噪音"))).isEqualTo(Integer.signum("停车".compareTo("噪音")));
        assertThat(Long.compare(Bigrams.term("ab"), Bigrams.term("a中"))).isEqualTo(Integer.signum("ab".compareTo("a中")));
    }

    @Test
    void aMapOfCountsLeavesOutWhatIsNotABigram() {
        Bigrams bigrams = Bigrams.of(Map.of("噪音", 2, "扰民", 1, "噪", 4, "噪音大", 1, "ab", 0));
        assertThat(bigrams.asMap()).isEqualTo(Map.of("噪音", 2, "扰民", 1));
        assertThat(bigrams.term(0)).isLessThan(bigrams.term(1));
    }

    /**
     * The counts and the cap at the most frequent terms are those of a map of strings, the detector's form before
     * terms were packed into longs: random texts over a small alphabet, so that ties at the cap are common.
     */
    @Test
    void bigramsAreThoseAMapOfStringsGave() {
        Random random = new Random(24);
        String alphabet = "噪音扰民停车油烟小区物业学校ABCxyz0123，。！ 　";
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(round < 100 ? 40 : 2_000);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(TextFeatures.bigrams(text.toString()).asMap()).as(text.toString()).isEqualTo(asStrings(text.toString()));
        }
        assertThat(TextFeatures.bigrams(null).size()).isZero();
        assertThat(TextFeatures.bigrams("").size()).isZero();
    }

    private static Map<String, Integer> asStrings(String text) {
        Map<String, Integer> counts = new HashMap<>();
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean word = Character.isLetterOrDigit(cp);
            if (word && previous >= 0) {
                counts.merge(new String(new int[] {previous, Character.toLowerCase(cp)}, 0, 2), 1, Integer::sum);
            }
            previous = word ? Character.toLowerCase(cp) : -1;
        }
        if (counts.size() <= 80) {
            return counts;
        }
        Map<String, Integer> top = new HashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(80).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
