import { FunnelChart, GaugeChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts of ECharts the dashboard needs: gauges for the KPIs, the project funnel.
echarts.use([GaugeChart, FunnelChart, TooltipComponent, SVGRenderer]);

export { echarts };
