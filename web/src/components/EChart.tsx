// Apache ECharts in React, with a visually hidden table as the text alternative (WCAG 1.1.1).
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

export function EChart({
  option,
  label,
  height = 320,
}: {
  option: echarts.EChartsOption;
  label: string;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg', locale: 'EN' });
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
