package io.wenzheng.intake.citizen;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes identity-card numbers, phone numbers and e-mail addresses out of what a citizen wrote, before the text is
 * stored in the clear or leaves intake in an event. Citizens often type them into the message itself; the original
 * text is kept sealed with the contact details, for staff who may reveal it.
 */
public final class PiiRedaction {
    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            // 18-character resident identity number: region, birth date, sequence, check digit.
            new Rule(Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])"),
                    "[身份证号已隐去]"),
            // Mainland mobile numbers, with or without +86 and separators.
            new Rule(Pattern.compile("(?<![0-9])(?:\\+?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}(?![0-9])"), "[手机号已隐去]"),
            // Landlines with an area code.
            new Rule(Pattern.compile("(?<![0-9])0\\d{2,3}[- ]?\\d{7,8}(?![0-9])"), "[电话已隐去]"),
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), "[邮箱已隐去]"));

    private PiiRedaction() {
    }

    /** The text with every recognised identifier replaced by a label saying what was there. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Rule rule : RULES) {
            out = rule.pattern().matcher(out).replaceAll(Matcher.quoteReplacement(rule.replacement()));
        }
        return out;
    }
}
