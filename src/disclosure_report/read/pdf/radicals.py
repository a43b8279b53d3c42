"""CJK radicals back to the ideographs they stand for in a PDF's text layer.

Some PDF printers (Chromium's among them) name a glyph that a CJK font shares between a radical and an ideograph by
the radical when they write the text layer: ``⼯作`` for 工作, ``⼈⺠`` for 人民. The text then matches no label. A
report never prints a radical as such, so each is read as the unified ideograph the font draws with the same glyph
(the pairs below are those of Noto Sans CJK SC, the CJK font of most Linux systems, taken from its character map).
"""

from __future__ import annotations

RADICALS = (
    "⺂⺃⺅⺉⺏⺐⺒⺓⺔⺕⺖⺘⺙⺛⺞⺟⺠⺡⺣⺤⺦⺨⺭⺯⺰⺱⺹⺺⺾⻂⻅⻆⻈⻉⻋⻌⻐⻑⻒⻓⻔⻖⻘⻙⻚⻛⻜⻝⻟⻠"
    "⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻮⻯⻰⻱⻲⻳⼀⼁⼂⼃⼄⼅⼆⼇⼈⼉⼊⼋⼌⼍⼎⼏⼐⼑⼒⼓⼔⼕⼖⼗⼘⼙⼚⼛⼜⼝⼞⼟⼠"
    "⼡⼢⼣⼤⼥⼦⼧⼨⼩⼪⼫⼬⼭⼮⼯⼰⼱⼲⼳⼴⼵⼶⼷⼸⼺⼻⼼⼽⼾⼿⽀⽁⽂⽃⽄⽅⽆⽇⽈⽉⽊⽋⽌⽍⽎⽏⽐⽑⽒⽓"
    "⽔⽕⽖⽗⽘⽙⽚⽛⽜⽝⽞⽟⽠⽡⽢⽣⽤⽥⽦⽧⽨⽩⽪⽫⽬⽭⽮⽯⽰⽱⽲⽳⽴⽵⽶⽷⽸⽹⽺⽻⽼⽽⽿⾀⾁⾂⾃⾄⾅⾆"
    "⾇⾈⾉⾊⾋⾌⾍⾎⾏⾐⾑⾒⾔⾕⾖⾗⾘⾙⾚⾛⾜⾝⾞⾟⾠⾡⾢⾣⾤⾥⾦⾧⾨⾩⾪⾫⾬⾭⾮⾯⾰⾱⾲⾳⾴⾵⾶⾷⾸⾹"
    "⾺⾼⾽⾾⾿⿀⿁⿂⿃⿄⿅⿆⿇⿈⿉⿊⿋⿌⿍⿎⿏⿑⿒⿓⿕"
)
IDEOGRAPHS = (
    "乛乚亻刂尣尢巳幺彑彐忄扌攵旡歺母民氵灬爫丬犭礻糹纟罓耂肀艹衤见角讠贝车辶钅長镸长门阝青韦页风飞食飠饣"
    "马骨鬼鱼鸟卤麦黄黾斉齐齿竜龙龜亀龟一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士"
    "夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彡彳心戈户手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气"
    "水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耳聿肉臣自至臼舌"
    "舛舟艮色艸虍虫血行衣襾見言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香"
    "馬高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠齊齒龍龠"
)
_TABLE = str.maketrans(RADICALS, IDEOGRAPHS)
_FIRST, _LAST = "\u2e80", "\u2fdf"


def ideographs(text: str) -> str:
    """``text`` with every CJK radical (U+2E80–U+2FDF) that stands for an ideograph replaced by it.

    >>> ideographs("⼯作⼈⺠")
    '工作人民'
    """
    if not any(_FIRST <= c <= _LAST for c in text):
        return text
    return text.translate(_TABLE)
