package io.wenzheng.intake.channel.open311;

import java.util.List;
import java.util.Optional;

/** The GeoReport v2 service list: the seven first-level categories of the taxonomy, each a service. */
public record Open311Service(String code, String category, String description, String group, String keywords) {
    public static final List<Open311Service> ALL = List.of(
            new Open311Service("urban-rural-construction", "城乡建设", "Housing, property management, roads, utilities, city management", "城乡建设", "物业,小区,道路,供水,供暖"),
            new Open311Service("labour-social-security", "劳动和社会保障", "Wages, employment, social insurance, pensions", "劳动和社会保障", "工资,社保,养老,就业"),
            new Open311Service("education-culture-sport", "教育文体", "Schools, fees, culture and sport", "教育文体", "学校,教师,收费"),
            new Open311Service("commerce-tourism", "商贸旅游", "Markets, prices, consumer rights, tourism", "商贸旅游", "价格,消费,景区"),
            new Open311Service("environment", "环境保护", "Pollution, noise, waste", "环境保护", "噪音,污染,排放"),
            new Open311Service("health-family-planning", "卫生计生", "Hospitals, medical services, food safety", "卫生计生", "医院,医保,疫苗"),
            new Open311Service("transport", "交通运输", "Public transport, taxis, traffic", "交通运输", "公交,出租车,交通"));

    public static Optional<Open311Service> byCode(String code) {
        return ALL.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public static Optional<Open311Service> byCategory(String category) {
        return ALL.stream().filter(s -> s.category().equals(category)).findFirst();
    }
}
