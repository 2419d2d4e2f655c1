package io.wenzheng.routing.classifier;

import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * Words of a normalised text by HanLP's dictionary segmenter (longest match in its core dictionary): the
 * analytics hot-issue segmenter's dictionary without its place and organisation models, which cost a millisecond
 * a petition where classification has well under one. Single characters are left out; the unigrams have them.
 */
final class Words {
    private static final ThreadLocal<Segment> SEGMENT = ThreadLocal.withInitial(DoubleArrayTrieSegment::new);

    private Words() {
    }

    static List<String> of(String normalised) {
        List<String> words = new ArrayList<>();
        if (normalised.isEmpty()) {
            return words;
        }
        for (Term term : SEGMENT.get().seg(normalised)) {
            if (term.word.length() >= 2) {
                words.add(term.word);
            }
        }
        return words;
    }
}
