package io.wenzheng.analytics.wiring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

@ConfigMapping(prefix = "wenzheng.analytics")
public interface AnalyticsConfig {
    /** The city's zone: a petition counts on the day it arrived there. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Scorecard scorecard();

    Hotspots hotspots();

    HotIssues hotIssues();

    Reports reports();

    /** Ranking of hot issues (热点问题); the defaults were chosen by cross-validation (docs/hotspots.md). */
    interface HotIssues {
        /** Word similarity that joins two petitions naming no common place. */
        @WithDefault("0.4")
        double similarity();

        /** The lower similarity of their problems' words that joins two petitions about the same place. */
        @WithDefault("0.2")
        double samePlace();

        /** Fewest different citizens that make a hot issue. */
        @WithDefault("2")
        int minimumCitizens();

        /** Petitions further apart than this are not joined directly. */
        @WithDefault("P90D")
        Duration quietGap();

        /** Street, town and estate names the city knows, recognised wherever a petition names them. */
        Optional<java.util.Set<String>> knownPlaces();
    }

    interface Scorecard {
        /** Units with fewer routed petitions in the period are listed but not ranked. */
        @WithDefault("5")
        int minimumPetitions();

        @WithDefault("10")
        int topSize();

        @WithDefault("5")
        int needsImprovementSize();
    }

    interface Hotspots {
        /** The recent window in which a surge is counted. */
        @WithDefault("P1D")
        Duration window();

        /** How many windows before the recent one make the baseline. */
        @WithDefault("7")
        int baselineWindows();

        @WithDefault("5")
        int minimumCount();

        /** Recent count over baseline expectation that makes a surge. */
        @WithDefault("3.0")
        double minimumGrowth();

        /** Cosine similarity of a petition to a cluster's centroid needed to join it. */
        @WithDefault("0.45")
        double similarity();

        /**
         * Most petitions the detector keeps in memory. Unset: at 5 KB each, as many as fit in two fifths of the heap
         * above 100 MB (about 7,900 at -Xmx200m, 28,000 at -Xmx460m). A horizon that holds more (a flood, or a city
         * too busy for the heap) is shortened to the newest ones.
         */
        Optional<Integer> maxRemembered();
    }

    interface Reports {
        /** TrueType files to prefer for the PDF's Chinese, first readable one wins; unset, the bundled Droid Sans Fallback. */
        Optional<java.util.List<String>> fonts();

        /** The address reports link to, e.g. https://wenzheng.example.gov.cn/analytics. */
        Optional<String> publicBaseUrl();

        /** The office that issues the reports, printed at their head and foot (发文单位). */
        @WithDefault("A市人民政府督查室")
        String issuer();

        /** The reports' document-number prefix, as in 问政〔2026〕周报第12号. */
        @WithDefault("问政")
        String numberPrefix();

        /** Cron of the weekly report (Monday 00:30 in the city's zone). */
        @WithDefault("0 30 0 ? * MON")
        String weeklyCron();

        /** Cron of the monthly report (the 1st, 01:00). */
        @WithDefault("0 0 1 1 * ?")
        String monthlyCron();
    }
}
