package io.wenzheng.analytics.hotspot;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place a petition names, as far as text alone tells: the most specific of an estate or street ("魅力之城小区",
 * "五一大道") or a district ("A5区"). Hotspots are detected at receipt, before routing has chosen a unit.
 */
public final class PlaceNames {
    private static final Pattern ESTATE = Pattern.compile(
            "([\\p{IsHan}A-Za-z0-9]{2,8}?(?:小区|社区|花园|公寓|大道|街道|路|街|村|镇))");
    private static final Pattern DISTRICT = Pattern.compile("([A-Z]\\d{1,2}[区县])");
    private static final Pattern LEADING_NOISE = Pattern.compile("^.*?(?:[区县市]|的|在|是|对|于|和|位于|关于)");

    private PlaceNames() {
    }

    /**
     * The place a surge names for a petition: the hot-issue place finder's, as the hot-issue table shows it, and
     * these patterns only where it found none. The service and the replay both use this.
     */
    public static String forSurge(io.wenzheng.analytics.hotissue.Place found, String text) {
        return found != null ? found.display() : district(text).or(() -> estate(text)).orElse(null);
    }

    public static Optional<String> district(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = DISTRICT.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static Optional<String> estate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ESTATE.matcher(text);
        while (m.find()) {
            String name = LEADING_NOISE.matcher(m.group(1)).replaceFirst("");
            if (name.length() >= 3) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
