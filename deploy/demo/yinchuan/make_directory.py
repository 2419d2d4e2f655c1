#!/usr/bin/env python3
"""Writes directory.json: a demo unit directory modelled on Yinchuan (银川市), Ningxia.

The tree is the city, its three districts, two counties and one county-level city, their streets and townships, a
few communities, and about forty city departments mapped onto the seven first-level categories. Place names are the
real ones as far as the authors know them; coordinates are approximate centres; phone numbers are the public 12345
line. It is demo data: check it against the city's own 权责清单 before using it for anything real.

Run it again after editing: python3 deploy/demo/yinchuan/make_directory.py
"""
import json
import os

VERSION = "2026-11-29.1"
CITY = "YC"
ALL = ["城乡建设", "劳动和社会保障", "教育文体", "商贸旅游", "环境保护", "卫生计生", "交通运输"]
LOCAL = ["城乡建设", "劳动和社会保障", "环境保护"]  # what a street or township handles itself
GENERIC = {"城区", "胜利", "文化街", "前进街", "新华街"}  # short names too common in ordinary text to mean a place

units = [dict(code=CITY, name="银川市人民政府", parentCode=None, level="CITY", duties=[], areas=["银川市", "银川"],
              landmarks=[], territory=dict(latitude=38.4872, longitude=106.2309, radiusKm=60),
              escalationContact="银川市人民政府督查室 0951-12345")]

# code, name, aliases, centre (lat, lon, radius km), streets and townships, landmarks
districts = [
    ("XQ", "兴庆区", ["兴庆"], (38.4735, 106.2880, 12), [
        "凤凰北街街道", "解放西街街道", "文化街街道", "富宁街街道", "新华街街道", "玉皇阁北街街道", "前进街街道",
        "中山南街街道", "银古路街道", "胜利街街道", "丽景街街道", "掌政镇", "大新镇", "通贵乡", "月牙湖乡"],
     ["鼓楼", "玉皇阁", "南关清真大寺", "中山公园", "海宝公园", "新华街步行街", "银川东站"]),
    ("JF", "金凤区", ["金凤"], (38.4730, 106.2420, 10), [
        "满城北街街道", "黄河东路街道", "长城中路街道", "北京中路街道", "上海西路街道", "贺兰山中路街道", "丰登镇", "良田镇"],
     ["阅海公园", "宝湖公园", "览山公园", "银川火车站", "宁夏博物馆", "人民广场"]),
    ("XX", "西夏区", ["西夏"], (38.4900, 106.1560, 15), [
        "西花园路街道", "北京西路街道", "文昌路街道", "朔方路街道", "宁华路街道", "贺兰山西路街道", "兴泾镇", "镇北堡镇"],
     ["宁夏大学", "西夏陵", "西夏王陵", "镇北堡西部影城", "贺兰山岩画", "森林公园"]),
    ("YN", "永宁县", ["永宁"], (38.2770, 106.2530, 25), [
        "团结西路街道", "杨和镇", "李俊镇", "望远镇", "望洪镇", "闽宁镇", "胜利乡"],
     ["纳家户清真寺", "中华回乡文化园", "闽宁镇扶贫展览馆"]),
    ("HL", "贺兰县", ["贺兰"], (38.5540, 106.3490, 25), [
        "富兴街街道", "习岗镇", "金贵镇", "立岗镇", "洪广镇", "常信乡"],
     ["贺兰山森林公园", "宁夏现代农业示范园"]),
    ("LW", "灵武市", ["灵武"], (38.1020, 106.3400, 40), [
        "城区街道", "东塔镇", "郝家桥镇", "崇兴镇", "宁东镇", "马家滩镇", "临河镇", "梧桐树乡", "白土岗乡"],
     ["河东国际机场", "宁东能源化工基地", "水洞沟遗址", "白芨滩自然保护区"]),
]

communities = {  # a few village and community units, for the most local routing
    "解放西街街道": ["鼓楼社区", "利群东街社区"],
    "丽景街街道": ["丽子园社区", "丽景湖社区"],
    "满城北街街道": ["宝湖社区", "阅海湾社区"],
    "北京西路街道": ["怀远社区", "同心路社区"],
    "闽宁镇": ["福宁村", "原隆村"],
}

for code, name, aliases, (lat, lon, radius), streets, landmarks in districts:
    dcode = f"{CITY}-{code}"
    units.append(dict(code=dcode, name=f"银川市{name}人民政府", parentCode=CITY,
                      level="DISTRICT", seesSubordinates=True, duties=ALL, areas=[name] + aliases, landmarks=landmarks,
                      territory=dict(latitude=lat, longitude=lon, radiusKm=radius),
                      escalationContact=f"{name}督查室 0951-12345"))
    for i, street in enumerate(streets, 1):
        scode = f"{dcode}-{i:02d}"
        short = street.replace("街道", "").replace("镇", "").replace("乡", "")
        units.append(dict(code=scode, name=f"{name}{street}", parentCode=dcode,
                          level="STREET", duties=LOCAL, areas=[street, short] if len(short) >= 2 and short not in GENERIC else [street],
                          landmarks=[], territory=None, escalationContact=f"{name}{street}党政办"))
        for j, community in enumerate(communities.get(street, []), 1):
            units.append(dict(code=f"{scode}-{j:02d}", name=f"{street}{community}", parentCode=scode,
                              level="COMMUNITY", duties=["城乡建设"], areas=[community], landmarks=[], territory=None,
                              escalationContact=f"{street}党政办"))

# code, name, duties (first-level categories), landmarks it owns
departments = [
    ("ZJ", "银川市住房和城乡建设局", ["城乡建设"], []),
    ("ZY", "银川市自然资源局", ["城乡建设"], []),
    ("CG", "银川市城市管理局", ["城乡建设", "环境保护"], []),
    ("YJ", "银川市应急管理局", ["城乡建设"], []),
    ("SW", "银川市水务局", ["城乡建设", "环境保护"], []),
    ("NY", "银川市农业农村局", ["城乡建设"], []),
    ("YL", "银川市园林管理局", ["城乡建设"], ["阅海公园", "宝湖公园", "中山公园", "海宝公园", "览山公园"]),
    ("FG", "银川市住房保障和房产管理中心", ["城乡建设"], []),
    ("XF", "银川市消防救援支队", ["城乡建设"], []),
    ("GJJ", "银川住房公积金管理中心", ["劳动和社会保障"], []),
    ("RS", "银川市人力资源和社会保障局", ["劳动和社会保障"], []),
    ("YB", "银川市医疗保障局", ["劳动和社会保障", "卫生计生"], []),
    ("MZ", "银川市民政局", ["劳动和社会保障"], []),
    ("TY", "银川市退役军人事务局", ["劳动和社会保障"], []),
    ("CL", "银川市残疾人联合会", ["劳动和社会保障"], []),
    ("ZGH", "银川市总工会", ["劳动和社会保障"], []),
    ("JY", "银川市教育局", ["教育文体"], ["宁夏大学"]),
    ("WL", "银川市文化旅游广电局", ["教育文体", "商贸旅游"], ["西夏陵", "西夏王陵", "镇北堡西部影城", "水洞沟遗址"]),
    ("TI", "银川市体育局", ["教育文体"], []),
    ("KJ", "银川市科学技术局", ["教育文体"], []),
    ("SWJ", "银川市商务局", ["商贸旅游"], []),
    ("SJ", "银川市市场监督管理局", ["商贸旅游", "卫生计生"], []),
    ("FGW", "银川市发展和改革委员会", ["商贸旅游"], []),
    ("JR", "银川市地方金融监督管理局", ["商贸旅游"], []),
    ("SWU", "国家税务总局银川市税务局", ["商贸旅游"], []),
    ("GX", "银川市工业和信息化局", ["商贸旅游"], []),
    ("HB", "银川市生态环境局", ["环境保护"], ["白芨滩自然保护区"]),
    ("LC", "银川市林业和草原局", ["环境保护"], ["森林公园", "贺兰山森林公园"]),
    ("WJ", "银川市卫生健康委员会", ["卫生计生"], []),
    ("JK", "银川市疾病预防控制中心", ["卫生计生"], []),
    ("JT", "银川市交通运输局", ["交通运输"], []),
    ("JG", "银川市公安局交通管理支队", ["交通运输"], []),
    ("GJ", "银川公交集团", ["交通运输"], ["银川火车站", "银川东站"]),
    ("JC", "宁夏机场有限公司", ["交通运输"], ["河东国际机场"]),
    ("GA", "银川市公安局", [], []),
    ("SF", "银川市司法局", [], []),
    ("XFJ", "银川市信访局", [], []),
    ("CZ", "银川市财政局", [], []),
    ("ZW", "银川市政务服务管理局", [], []),
    ("SP", "银川市审批服务管理局", [], []),
    ("DSJ", "银川市大数据管理服务局", [], []),
    ("TJ", "银川市统计局", [], []),
]
for code, name, duties, landmarks in departments:
    units.append(dict(code=f"{CITY}-D-{code}", name=name, parentCode=CITY, level="DEPARTMENT", duties=duties, areas=[],
                      landmarks=landmarks, territory=None, escalationContact=f"{name}办公室 0951-12345"))

for u in units:
    u["calendarRegion"] = "cn"

# Lead departments answer city-wide when no locality is named; overrides send a place's cases to its operator.
rules = [dict(name=f"lead-{cat}", category=cat, place=None, unitCode=f"{CITY}-D-{lead}", priority=10)
         for cat, lead in [("城乡建设", "ZJ"), ("劳动和社会保障", "RS"), ("教育文体", "JY"), ("商贸旅游", "SJ"),
                           ("环境保护", "HB"), ("卫生计生", "WJ"), ("交通运输", "JT")]]
rules += [
    dict(name="airport", category="交通运输", place="河东国际机场", unitCode=f"{CITY}-D-JC", priority=100),
    dict(name="airport-short", category="交通运输", place="河东机场", unitCode=f"{CITY}-D-JC", priority=100),
    dict(name="ningdong-base-pollution", category="环境保护", place="宁东能源化工基地", unitCode=f"{CITY}-D-HB", priority=90),
    dict(name="parks", category="城乡建设", place="公园", unitCode=f"{CITY}-D-YL", priority=20),
    dict(name="traffic-police", category="交通运输", place="交警", unitCode=f"{CITY}-D-JG", priority=50),
    dict(name="bus", category="交通运输", place="公交", unitCode=f"{CITY}-D-GJ", priority=50),
    dict(name="provident-fund", category="劳动和社会保障", place="公积金", unitCode=f"{CITY}-D-GJJ", priority=50),
    dict(name="medical-insurance", category="劳动和社会保障", place="医保", unitCode=f"{CITY}-D-YB", priority=50),
]

out = dict(version=VERSION, city="银川市", units=units, rules=rules)
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "directory.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write("\n")
levels = {}
for u in units:
    levels[u["level"]] = levels.get(u["level"], 0) + 1
print(f"{path}: {len(units)} units {levels}, {len(rules)} rules")
