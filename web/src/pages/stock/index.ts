import '../../styles/all.ts';

export { StockCardPage } from './card.tsx';
export { StockCataloguePage } from './catalogue.tsx';
export { StockCountPage } from './count.tsx';
export { StockExpiringPage } from './expiring.tsx';
export { StockPositionPage } from './position.tsx';
export { StockReceiptPage } from './receipt.tsx';
