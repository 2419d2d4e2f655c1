package io.wenzheng.sla.timer;

import io.wenzheng.sla.SlaConfig;
import io.wenzheng.sla.calendar.HolidayData;
import io.wenzheng.sla.calendar.WorkCalendar;
import io.wenzheng.sla.pledge.FirstResponsePledge;
import io.wenzheng.sla.pledge.ResolutionPledge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The calendar and the policies, built once from configuration. */
public class TimerPolicyProducer {
    @Produces
    @ApplicationScoped
    WorkCalendar calendar() {
        return HolidayData.defaultCalendar();
    }

    @Produces
    @ApplicationScoped
    TimerPolicy timerPolicy(SlaConfig config) {
        return new TimerPolicy(config.warnShare(), config.escalationDelays());
    }

    @Produces
    @ApplicationScoped
    FirstResponsePledge firstResponse(WorkCalendar calendar) {
        return new FirstResponsePledge(calendar);
    }

    @Produces
    @ApplicationScoped
    ResolutionPledge resolution(WorkCalendar calendar, SlaConfig config) {
        return new ResolutionPledge(calendar, config.resolutionWorkingDays(), config.resolutionWorkingDaysByCategory());
    }
}
