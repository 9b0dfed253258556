/* i18n.c - the words of charts and reports (see i18n.h). */
#include "i18n.h"

static const char *const words[BT_W_COUNT_][3] = {
    [BT_W_OBSERVED] = {"observed", "观测值", "觀測值"},
    [BT_W_BASELINE] = {"baseline", "基线", "基線"},
    [BT_W_PLANNED] = {"planned path", "规划路径", "規劃路徑"},
    [BT_W_TARGET] = {"target", "目标", "目標"},
    [BT_W_MILESTONE] = {"milestone", "阶段目标", "階段目標"},
    [BT_W_PROJECTION] = {"projection", "按当前速度推算", "按當前速度推算"},
    [BT_W_ILLUSTRATIVE] = {"illustrative", "示意", "示意"},
    [BT_W_PROGRESS] = {"progress", "进度", "進度"},
    [BT_W_ELAPSED] = {"time elapsed", "时间进度", "時間進度"},
    [BT_W_STATUS] = {"status", "状态", "狀態"},
    [BT_W_SOURCE] = {"source", "来源", "來源"},
    [BT_W_LATEST] = {"latest", "最新", "最新"},
    [BT_W_PROJECTED] = {"target reached (projected)", "预计达标", "預計達標"},
    [BT_W_INDICATOR] = {"indicator", "指标", "指標"},
    [BT_W_UNIT] = {"unit", "单位", "單位"},
    [BT_W_REPORT_TITLE] = {"Greater Bay Area soft connectivity: progress against the plan's targets",
                           "粤港澳大湾区规则机制“软联通”：规划目标进展",
                           "粵港澳大灣區規則機制「軟聯通」：規劃目標進展"},
    [BT_W_DASHBOARD] = {"dashboard", "总览", "總覽"},
    [BT_W_METHODOLOGY] = {"methodology", "评估方法", "評估方法"},
    [BT_W_SOURCES] = {"sources", "资料来源", "資料來源"},
    [BT_W_TOTAL_OF] = {"total of %zu series", "%zu 个序列合计", "%zu 個序列合計"},
    [BT_W_BY] = {"by", "按", "按"},
    [BT_W_NO_DATA] = {"no observations", "暂无观测数据", "暫無觀測數據"},
    [BT_W_AS_OF] = {"as of", "截至", "截至"},
    [BT_W_ILLUSTRATIVE_NOTE] = {"* illustrative target: no source states it",
                                "* 示意目标：无资料来源",
                                "* 示意目標：無資料來源"},
    [BT_W_DAILY] = {"daily", "每日", "每日"},
    [BT_W_MONTHLY_MEAN] = {"monthly mean", "月均值", "月均值"},
};

const char *bt_word(enum bt_word w, enum bt_lang l)
{
    return words[w][l];
}
