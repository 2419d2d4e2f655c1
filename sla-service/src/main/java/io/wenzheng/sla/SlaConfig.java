package io.wenzheng.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

@ConfigMapping(prefix = "wenzheng.sla")
public interface SlaConfig {
    /**
     * The longest the timer watch sleeps between rounds while it cannot hear commits (its {@code LISTEN wenzheng_timers}
     * connection is down). It wakes earlier when it knows of an action due sooner; this bounds how long a timer another
     * instance writes, due sooner than any it knew, may wait.
     */
    @WithDefault("500ms")
    Duration pollInterval();

    /**
     * The longest the timer watch sleeps between rounds while it hears commits: every commit that writes timers, on
     * any instance, wakes it through {@code NOTIFY wenzheng_timers}, so this is only a safety net.
     */
    @WithDefault("10s")
    Duration listeningInterval();

    /** The shortest time between rounds woken by commits, so that a busy service looks at its timers in batches. */
    @WithDefault("200ms")
    Duration wakeGap();

    /** Timer actions fired per transaction. */
    @WithDefault("200")
    int batchSize();

    /** Share of the allowed time after which the unit is warned (催办). */
    @WithDefault("0.8")
    double warnShare();

    /** Delay after the due time of each escalation step: unit staff, unit head, supervision office. */
    @WithDefault("0s,1h,4h")
    List<Duration> escalationDelays();

    /** A breach that fires more than this after its due time is flagged late (the service was down). */
    @WithDefault("5s")
    Duration lateAfter();

    /**
     * How often each instance reads the holiday notices loaded at run time (by it or another instance) and re-plans
     * the clocks that rested on a provisional year.
     */
    @WithDefault("10s")
    Duration calendarRefresh();

    /** The alert's horizon: a provisional year within this many days of today is reported. */
    @WithDefault("60")
    int provisionalHorizonDays();

    /** The calendar of petitions whose unit names no region, and of petitions not yet routed. */
    @WithDefault("cn")
    String defaultRegion();

    /** Business calendars by region. The default region gets the standard calendar when it is not configured. */
    Map<String, Region> regions();

    /** The pledge for every category that {@link #categories()} does not override. */
    Policy policy();

    /** Per first-level category: the parts of the pledge that differ from {@link #policy()} (and the region's). */
    Map<String, PolicyOverride> categories();

    interface Region {
        @WithDefault("Asia/Shanghai")
        String zone();

        /** Office sessions of a working day, half-open, as {@code HH:mm-HH:mm}. */
        @WithDefault("09:00-12:00,13:30-17:30")
        List<String> officeHours();

        /** Office hours that replace the default ones between two dates, for example summer hours. */
        Map<String, Season> seasons();

        /** The bundled holiday files, {@code calendar/<holidays>/<year>.json} on the classpath. */
        @WithDefault("cn")
        String holidays();

        /** A directory of further holiday-cn files, one per year; a year found here replaces the bundled one. */
        Optional<String> holidayDirectory();

        /** The parts of the pledge that differ in this region; a category's own setting still wins. */
        Optional<PolicyOverride> policy();
    }

    interface Season {
        /** First day, ISO date, included. */
        String from();

        /** Last day, ISO date, included. */
        String to();

        List<String> officeHours();
    }

    interface Policy {
        @WithDefault("1h")
        Duration workingTimeResponse();

        @WithDefault("8h")
        Duration restTimeResponse();

        @WithDefault("5")
        int resolutionWorkingDays();

        @WithDefault("3")
        int progressWorkingDays();

        @WithDefault("true")
        boolean pauseWhileWaitingForCitizen();
    }

    interface PolicyOverride {
        Optional<Duration> workingTimeResponse();

        Optional<Duration> restTimeResponse();

        OptionalInt resolutionWorkingDays();

        OptionalInt progressWorkingDays();

        Optional<Boolean> pauseWhileWaitingForCitizen();
    }
}
