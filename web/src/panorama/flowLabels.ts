import type { AriaLabelConfig } from '@xyflow/react';

/** React Flow's own accessible labels, in Chinese. */
export const FLOW_ARIA_LABELS: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default': '按 Enter 或空格键选择。',
  'node.a11yDescription.keyboardDisabled': '按 Enter 或空格键选择。',
  'edge.a11yDescription.default': '供给关系。',
  'controls.ariaLabel': '缩放控制',
  'controls.zoomIn.ariaLabel': '放大',
  'controls.zoomOut.ariaLabel': '缩小',
  'controls.fitView.ariaLabel': '显示全部',
  'controls.interactive.ariaLabel': '切换交互',
  'minimap.ariaLabel': '缩略图',
};
