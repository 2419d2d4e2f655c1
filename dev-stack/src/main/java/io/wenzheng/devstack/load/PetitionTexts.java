package io.wenzheng.devstack.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What load generators send: the real citizen messages of {@code ../shared/data} when the checkout has them beside it,
 * otherwise synthetic ones built from place and complaint fragments, so a clean clone can still run the load.
 */
public record PetitionTexts(String source, List<String> texts) {
    /** Long enough for every real message's point, short enough that the load measures the suite and not the copy. */
    private static final int MAX_CHARS = 1500;

    public PetitionTexts {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no petition texts in " + source);
        }
        texts = List.copyOf(texts);
    }

    public static PetitionTexts near(Path root) {
        Path real = root.resolve("../shared/data/petitions-unlabelled.tsv").normalize();
        return Files.isRegularFile(real) ? fromTsv(real) : synthetic();
    }

    /** A TSV with a header that names {@code subject} and {@code body} columns. */
    public static PetitionTexts fromTsv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split("\t", -1));
            int subject = header.indexOf("subject");
            int body = header.indexOf("body");
            if (subject < 0 || body < 0) {
                throw new IllegalArgumentException(file + " has no subject and body columns: " + header);
            }
            List<String> texts = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t", -1);
                if (cells.length > Math.max(subject, body)) {
                    String text = (cells[subject].strip() + " " + cells[body].strip()).strip();
                    if (!text.isEmpty()) {
                        texts.add(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
                    }
                }
            }
            return new PetitionTexts(file.toString(), texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PetitionTexts synthetic() {
        String[] places = {"A1区", "A2区", "A3区", "A4区", "A5区", "A6县", "A7县", "高新区", "火炬路", "五一大道"};
        String[] complaints = {
                "小区旁工地夜间施工，噪音扰民，希望有关部门管一管",
                "公司拖欠工资三个月不发，劳动者维权无门",
                "学校违规收取补课费，家长负担很重",
                "公交线路调整后出行不便，早晚高峰道路拥堵",
                "医院看病排队时间太长，挂号难",
                "景区门票价格上涨，商家强买强卖",
                "小区物业不作为，电梯坏了一个月没人修",
                "化工厂排放废气，附近居民闻到刺鼻气味",
                "养老保险缴费年限认定有误，请求核查",
                "农贸市场占道经营，垃圾无人清理"};
        List<String> texts = new ArrayList<>();
        for (String place : places) {
            for (String complaint : complaints) {
                texts.add(place + complaint + "。");
            }
        }
        return new PetitionTexts("synthetic", texts);
    }

    public String at(long i) {
        return texts.get((int) Math.floorMod(i, (long) texts.size()));
    }
}
