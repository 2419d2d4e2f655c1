package io.wenzheng.analytics.hotissue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds the place a message is about. HanLP gives the word borders and recognises places (ns) and organisations
 * (nt); a name is the run of name-like words that ends in a word for a kind of place ("小区", "路", "中学",
 * "公司"). Places the unit directory knows (district and street names, aliases) are recognised as they are.
 * Government offices are left out: they are whom a message is addressed to, not what it is about.
 */
public final class PlaceFinder {
    private static final List<String> KINDS = List.of("小区", "社区", "花园", "家园", "公寓", "广场", "大厦", "新城", "新村",
            "商城", "楼盘", "公馆", "山庄", "国际", "名邸", "苑", "庭", "府", "湾", "城", "园", "大道", "路", "街", "巷", "村", "组", "镇", "乡", "学院", "大学", "中学",
            "小学", "幼儿园", "学校", "医院", "公司", "集团", "银行", "市场", "车站", "公园", "景区", "工厂", "厂", "酒店", "桥", "号线");
    private static final Set<String> NOT_A_NAME = Set.of("投诉", "反映", "举报", "咨询", "请求", "建议", "希望", "关于", "要求",
            "强烈", "严重", "问题", "居民", "业主", "市民", "群众", "恳请", "呼吁", "尽快", "解决", "再次", "多次", "我们", "我", "关注",
            "有关", "部门", "领导", "政府", "附近", "周边", "旁边", "门口", "对面", "位于", "所在", "这个", "一个", "整治", "处理",
            "小区", "社区", "城市", "乡村", "农村", "城乡", "公司", "学校", "医院", "马路", "道路", "公路", "街道", "地铁");
    /** Cores that name a kind of place, not a place: "农村", "城乡", "楼盘". */
    private static final Set<String> GENERIC = Set.of("农村", "城乡", "城市", "乡镇", "楼盘", "小学", "中学", "学校", "医院", "公司", "小区",
            "社区", "大道", "道路", "马路", "公路", "街道", "村里", "镇上", "县城", "市区", "城区", "老城", "新区", "全市", "全县", "我市", "本市", "该市", "各地", "我们", "有缴");
    private static final List<String> ORGANISATIONS = List.of("厂", "店", "站", "馆", "所", "院", "会", "社", "行", "中心", "协会", "联盟",
            "水库", "湖", "山", "港", "场", "局");
    private static final List<String> OFFICES = List.of("局", "委", "厅", "办", "政府", "部门", "法院", "检察院", "派出所", "大队", "中心");
    private static final List<String> GROUPS = List.of("学生", "业主", "村民", "居民", "农民工", "教师", "老师", "家长", "职工",
            "员工", "退休人员", "残疾人", "司机", "商户", "患者", "老人", "考生", "租户", "购房者", "车主", "医生", "护士", "民办教师",
            "退役军人", "环卫工人", "消费者");
    private static final int LONGEST = 10;

    private final Set<String> knownPlaces;

    /** @param knownPlaces names from the unit directory (streets, towns, aliases), recognised wherever they occur */
    public PlaceFinder(Set<String> knownPlaces) {
        this.knownPlaces = knownPlaces;
    }

    public Optional<Place> find(String subject, String body) {
        return find(subject, Words.pieces(subject), head(body, 160), null);
    }

    /** The same, on text already segmented: the subject first, then the start of the body. */
    Optional<Place> find(String subject, List<List<Words.Token>> subjectPieces, String body, List<List<Words.Token>> bodyPieces) {
        Optional<Place> inSubject = findIn(subject, subjectPieces, true);
        if (inSubject.isPresent() && inSubject.get().district() == null) {
            String district = district(body);
            return district == null ? inSubject : Optional.of(new Place(district, inSubject.get().name(), false));
        }
        return inSubject.isPresent() ? inSubject : findIn(body, bodyPieces == null ? Words.pieces(body) : bodyPieces, false);
    }

    /** The group of people the text names most often, for issues that have no place. */
    public static Optional<String> group(String text) {
        String best = null;
        int bestCount = 0;
        for (String g : GROUPS) {
            int count = 0;
            for (int at = text.indexOf(g); at >= 0; at = text.indexOf(g, at + g.length())) {
                count++;
            }
            if (count > bestCount || count == bestCount && count > 0 && g.length() > best.length()) {
                best = g;
                bestCount = count;
            }
        }
        return Optional.ofNullable(best);
    }

    /** @param recognised whether HanLP's recognised places and organisations count: only in the subject, where they are few and to the point */
    private Optional<Place> findIn(String text, List<List<Words.Token>> pieces, boolean recognised) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String district = district(text);
        String fallback = null;
        for (List<Words.Token> piece : pieces) {
            String best = null;
            int bestStart = Integer.MAX_VALUE;
            for (int k = 0; k < piece.size(); k++) {
                int[] start = new int[1];
                String name = nameEndingAt(piece, k, start);
                if (name != null && (start[0] < bestStart || start[0] == bestStart && name.length() > best.length())) {
                    best = name;
                    bestStart = start[0];
                }
            }
            if (best != null) {
                return Optional.of(new Place(district, best, false));
            }
            for (int k = 0; k < piece.size(); k++) {
                Words.Token t = piece.get(k);
                if (recognised && fallback == null && t.isPlaceOrOrganisation() && core(t.text()).length() >= 2 && t.text().length() >= 3
                        && t.text().length() <= LONGEST && endsLikeAPlace(t.text()) && !isOffice(t.text())) {
                    fallback = cutAfterKind(withoutLeadingWords(t.text()));
                }
            }
        }
        for (String known : knownPlaces) {
            if (known.length() >= 2 && text.contains(known) && (fallback == null || known.length() > fallback.length())) {
                fallback = known;
            }
        }
        String where = district;
        return Optional.ofNullable(fallback).map(name -> new Place(where, name, false));
    }

    /** A place name whose last word is token k, or null; {@code start} is told the index of its first word. */
    private static String nameEndingAt(List<Words.Token> piece, int k, int[] start) {
        // A recognised organisation may run on past its place ("名苑小区配建幼儿园"): the place ends at its first kind.
        String lastText = cutAfterKind(piece.get(k).text());
        String kind = KINDS.stream().filter(lastText::endsWith).findFirst().orElse(null);
        if (kind == null) {
            return null;
        }
        int first = k;
        int length = lastText.length();
        while (first > 0) {
            Words.Token before = piece.get(first - 1);
            boolean fragment = before.isSingleCharacter() && piece.get(first).isSingleCharacter();
            if (!(before.isNameLike() || fragment) || NOT_A_NAME.contains(before.text()) || length + before.text().length() > LONGEST) {
                break;
            }
            first--;
            length += before.text().length();
        }
        while (first < k && isLeadingNoise(piece.get(first))) {
            first++;
        }
        start[0] = first;
        StringBuilder name = new StringBuilder();
        for (int i = first; i < k; i++) {
            name.append(piece.get(i).text());
        }
        name.append(lastText);
        String text = cutAfterKind(withoutLeadingWords(name.toString()));
        String core = core(text);
        if (core.length() < 2 || NOT_A_NAME.contains(text) || NOT_A_NAME.contains(core) || GENERIC.contains(core) || isOffice(text)) {
            return null;
        }
        return text;
    }

    /** The first district code of a text ("A5区", "K7县", "F9市"; not the city, "A市"), or null. */
    private static String district(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = Words.DISTRICT.matcher(text);
        while (m.find()) {
            String code = m.group();
            if (code.length() > 2 && (code.endsWith("区") || code.endsWith("县") || code.endsWith("市"))) {
                return code;
            }
        }
        return null;
    }

    /** A recognised organisation that runs on past its place ("锦绣花园垃圾站") ends with the place. */
    static String cutAfterKind(String name) {
        for (String kind : List.of("小区", "花园", "家园", "公寓", "新城", "山庄", "公馆", "大厦", "广场")) {
            int at = name.indexOf(kind);
            if (at >= 1 && at + kind.length() < name.length()) {
                return name.substring(0, at + kind.length());
            }
        }
        return name;
    }

    /** HanLP sometimes recognises "投诉锦绣花园" as one organisation: the petition's own verbs are not part of a name. */
    static String withoutLeadingWords(String name) {
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String word : NOT_A_NAME) {
                if (name.startsWith(word) && name.length() > word.length() + 1) {
                    name = name.substring(word.length());
                    stripped = true;
                }
            }
        }
        return name;
    }

    /** A name without the word for its kind of place: "东方新城小区" → "东方", "名苑小区" → "名". */
    static String core(String name) {
        String core = name;
        for (String generic : new String[] {"小区", "社区"}) {
            if (core.endsWith(generic) && core.length() > generic.length()) {
                core = core.substring(0, core.length() - generic.length());
            }
        }
        for (String kind : KINDS) {
            if (core.endsWith(kind) && core.length() > kind.length()) {
                return core.substring(0, core.length() - kind.length());
            }
        }
        return core;
    }

    /** Numbers, years and quantities before a name are not part of it ("2018年农村", "很多楼盘"). */
    private static boolean isLeadingNoise(Words.Token t) {
        String w = t.text();
        if (w.chars().allMatch(Character::isDigit) || w.endsWith("年")) {
            return true;
        }
        return w.length() > 1 && (t.nature().startsWith("t") || t.nature().startsWith("r") || t.nature().startsWith("q")
                || t.nature().startsWith("m") && (w.endsWith("个") || w.endsWith("些") || w.endsWith("多") || w.startsWith("很")));
    }

    /** HanLP's recognised names are trusted when they end as places and organisations do, not in "政策咨询". */
    private static boolean endsLikeAPlace(String name) {
        boolean cutShort = KINDS.stream().anyMatch(kind -> name.indexOf(kind) == 1); // "名苑餐饮店": the name before it is lost
        return !cutShort && (KINDS.stream().anyMatch(name::endsWith) || ORGANISATIONS.stream().anyMatch(name::endsWith));
    }

    private static boolean isOffice(String name) {
        return OFFICES.stream().anyMatch(name::endsWith);
    }

    private static String head(String text, int chars) {
        return text == null ? "" : text.length() <= chars ? text : text.substring(0, chars);
    }
}
