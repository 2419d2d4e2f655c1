package io.wenzheng.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.wenzheng.devstack.DevStack;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz 2.5 with its JDBC job store, clustered, on the same PostgreSQL server. Each deadline is a one-shot simple
 * trigger of one durable job; the job does what sla-service does when a deadline passes: it marks the timer
 * breached and writes the breach event, in one transaction.
 */
final class QuartzTimers implements TimerEngine {
    private static final String DB = "quartz_bench";
    private static final String SCHED = "WenzhengBench";
    static volatile HikariDataSource jobPool;

    private final DevStack stack;
    private final int threads;
    private Scheduler scheduler;

    QuartzTimers(DevStack stack, int threads) throws Exception {
        this.stack = stack;
        this.threads = threads;
        try (Connection c = stack.postgres().superuserConnection("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DB);
            s.execute("create database " + DB);
        }
        try (Connection c = db(); Statement s = c.createStatement();
             InputStream sql = Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
            s.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
            s.execute("create table bench_timer (id varchar(64) primary key, state varchar(16) not null, due_at timestamptz not null)");
            s.execute("create table bench_event (seq bigserial primary key, petition_id varchar(26) not null, "
                    + "due_at timestamptz not null, payload text not null)");
        }
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(stack.postgres().jdbcUrl(DB));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(threads);
        pool.setAutoCommit(false);
        jobPool = new HikariDataSource(pool);
    }

    @Override
    public String name() {
        return "quartz";
    }

    private Connection db() throws Exception {
        return stack.postgres().superuserConnection(DB);
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHED);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        // Quartz's own advice for throughput: acquire triggers in batches, inside the lock.
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(threads));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        // sla-service fires a late deadline late, never skips it; a misfire threshold of an hour makes Quartz do the
        // same, instead of parking late triggers for its misfire handler (which stalled them in a first run).
        p.setProperty("org.quartz.jobStore.misfireThreshold", "3600000");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.dataSource", "qz");
        p.setProperty("org.quartz.dataSource.qz.provider", "hikaricp");
        p.setProperty("org.quartz.dataSource.qz.driver", "org.postgresql.Driver");
        p.setProperty("org.quartz.dataSource.qz.URL", stack.postgres().jdbcUrl(DB));
        p.setProperty("org.quartz.dataSource.qz.user", "postgres");
        p.setProperty("org.quartz.dataSource.qz.password", "");
        p.setProperty("org.quartz.dataSource.qz.maxConnections", String.valueOf(threads + 3));
        return p;
    }

    @Override
    public void loadPending(int count, Instant farAway) throws Exception {
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("truncate qrtz_simple_triggers, qrtz_triggers, qrtz_fired_triggers, qrtz_job_details, "
                    + "qrtz_scheduler_state, bench_timer, bench_event cascade");
        }
        scheduler = new StdSchedulerFactory(properties()).getScheduler();
        scheduler.addJob(JobBuilder.newJob(BreachJob.class).withIdentity("breach", "bench").storeDurably().build(), true);
        load(count, i -> new Plan.Deadline(Plan.petitionId(Plan.PENDING, i), farAway.plusMillis(i)));
    }

    private void load(int count, java.util.function.IntFunction<Plan.Deadline> deadline) throws Exception {
        try (Connection c = db(); Statement s = c.createStatement()) {
            Copy.rows(c, "qrtz_triggers", "sched_name, trigger_name, trigger_group, job_name, job_group, next_fire_time, "
                    + "prev_fire_time, priority, trigger_state, trigger_type, start_time, end_time, misfire_instr", count, i -> {
                        Plan.Deadline d = deadline.apply(i);
                        long at = d.dueAt().toEpochMilli();
                        return SCHED + "," + d.petitionId() + ",bench,breach,bench," + at + ",-1,5,WAITING,SIMPLE," + at + ",0,0";
                    }, "qrtz_triggers");
            // Without fresh statistics the foreign-key checks of the next COPY scan the whole trigger table per row.
            s.execute("analyze qrtz_triggers");
            Copy.rows(c, "qrtz_simple_triggers", "sched_name, trigger_name, trigger_group, repeat_count, repeat_interval, times_triggered",
                    count, i -> SCHED + "," + deadline.apply(i).petitionId() + ",bench,0,0,0", "qrtz_simple_triggers");
            Copy.rows(c, "bench_timer", "id, state, due_at", count,
                    i -> deadline.apply(i).petitionId() + ",RUNNING," + deadline.apply(i).dueAt(), "bench_timer");
            s.execute("analyze qrtz_triggers");
            s.execute("analyze bench_timer");
        }
    }

    @Override
    public void arm(List<Plan.Deadline> firing) throws Exception {
        load(firing.size(), firing::get);
        scheduler.start();
    }

    @Override
    public long fired() throws Exception {
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from bench_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public List<Firing> firings() throws Exception {
        List<Firing> out = new ArrayList<>();
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select petition_id, due_at, pg_xact_commit_timestamp(xmin) from bench_event")) {
            while (rs.next()) {
                out.add(new Firing(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
            }
        }
        return out;
    }

    @Override
    public void disarm() throws Exception {
        if (scheduler != null) {
            scheduler.shutdown(true);
            scheduler = null;
        }
    }

    @Override
    public void close() throws Exception {
        disarm();
        if (jobPool != null) {
            jobPool.close();
        }
    }

    /** What sla-service does at a deadline: the timer row and the breach event commit together. */
    public static class BreachJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            String petitionId = context.getTrigger().getKey().getName();
            Instant due = context.getScheduledFireTime().toInstant();
            Instant now = Instant.now();
            try (Connection c = jobPool.getConnection();
                 PreparedStatement timer = c.prepareStatement("update bench_timer set state = 'BREACHED' where id = ?");
                 PreparedStatement event = c.prepareStatement("insert into bench_event (petition_id, due_at, payload) values (?, ?, ?)")) {
                timer.setString(1, petitionId);
                timer.executeUpdate();
                event.setString(1, petitionId);
                event.setTimestamp(2, Timestamp.from(due));
                event.setString(3, "{\"petitionId\":\"" + petitionId + "\",\"pledge\":\"FIRST_RESPONSE\",\"dueAt\":\"" + due
                        + "\",\"breachedAt\":\"" + now + "\",\"late\":false}");
                event.executeUpdate();
                c.commit();
            } catch (Exception e) {
                throw new JobExecutionException(e, false);
            }
        }
    }
}
