package io.wenzheng.analytics.hotissue;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Words of a message, by HanLP's segmenter with its place (地名) recognition; its dictionary tells organisations (机构名). The board
 * anonymises places as codes ("A市A5区"); HanLP would glue them to the next word ("区魅力"), so they are cut out
 * first and segmentation runs on the pieces between them.
 */
public final class Words {
    /** A token with HanLP's part of speech: ns place, nt organisation, n... nouns, v... verbs. */
    public record Token(String text, String nature) {
        boolean isPlaceOrOrganisation() {
            return nature.startsWith("ns") || nature.startsWith("nt");
        }

        /** One Han character that is not a function word: with another beside it, a fragment of a name HanLP does not know ("天/心"). */
        boolean isSingleCharacter() {
            return text.length() == 1 && Character.UnicodeScript.of(text.codePointAt(0)) == Character.UnicodeScript.HAN
                    && FUNCTION_CHARACTERS.indexOf(text) < 0;
        }

        /**
         * Could be part of a proper name: nouns and names, abbreviations, numbers ("6期"), and single characters
         * that are not function words, since names of estates are often cut into them ("魅力/之/城").
         */
        boolean isNameLike() {
            if (text.length() == 1) {
                boolean han = Character.UnicodeScript.of(text.codePointAt(0)) == Character.UnicodeScript.HAN;
                return han ? FUNCTION_CHARACTERS.indexOf(text) < 0 && (text.equals("之") || nature.startsWith("n") || nature.equals("b")
                        || nature.startsWith("a") || nature.equals("s") || nature.equals("j") || nature.endsWith("g"))
                        : Character.isLetterOrDigit(text.codePointAt(0));
            }
            return nature.startsWith("n") && !nature.equals("nx") || nature.equals("j") || nature.equals("b") || nature.startsWith("m")
                    || nature.equals("s") || nature.equals("a");
        }
    }

    private static final String FUNCTION_CHARACTERS = "的地得在了和与及对是把被向到从给等为将或并也都就还又很把让由于但而且";

    /** District codes of the anonymised board ("A5区", "A7县", "F9市", "A市"), and punctuation: the pieces' borders. */
    static final Pattern DISTRICT = Pattern.compile("[A-Z]\\d{0,2}[市区县州省]|西地省");
    private static final Pattern BORDER = Pattern.compile("[A-Z]\\d{0,2}[市区县州省]|西地省|[^\\p{IsHan}A-Za-z0-9]+");

    /**
     * HanLP's recognition of unknown organisation names is left off: it was a quarter of the segmentation's CPU, and
     * the cross-validation of hot issues did not miss it (one or two more twin pairs at all 34 settings tried, purity
     * within a point, the same defaults chosen; docs/hotspots.md, "Segmentation"). Place recognition stays: without
     * it estates such as 丽发新城 fall apart into characters and lose their place.
     */
    private static final ThreadLocal<Segment> SEGMENT = ThreadLocal.withInitial(() ->
            HanLP.newSegment().enablePlaceRecognize(true).enableOrganizationRecognize(false).enableNumberQuantifierRecognize(false));

    private Words() {
    }

    /** The pieces of a text between district codes and punctuation, each segmented. */
    public static List<List<Token>> pieces(String text) {
        List<List<Token>> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String piece : BORDER.split(text)) {
            if (piece.isBlank()) {
                continue;
            }
            List<Token> tokens = new ArrayList<>();
            for (Term term : SEGMENT.get().seg(piece)) {
                tokens.add(new Token(term.word, term.nature == null ? "x" : term.nature.toString()));
            }
            out.add(tokens);
        }
        return out;
    }
}
