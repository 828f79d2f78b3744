import { defineTexts } from './texts.ts';

/** The goods of a relief request on its case page: telaah, approval, shipment, handover. */
export const goodsTexts = defineTexts({
  goodsTitle: { id: 'Barang yang diusulkan', en: 'Proposed goods' },
  approvalTitle: { id: 'Barang yang disetujui', en: 'Approved goods' },
  approvalHint: {
    id: 'Jumlah diisi dari telaahan; ubah bila perlu. Barang dicadangkan dari gudang yang dipilih saat disetujui.',
    en: 'Quantities come from the review; change them if needed. The goods are reserved in the chosen warehouse on approval.',
  },
  noProposal: {
    id: 'Telaahan tidak mencatat barang; isi barang yang disetujui.',
    en: 'The review recorded no goods; enter the approved goods.',
  },
  goodsItem: { id: 'Barang', en: 'Item' },
  goodsQuantity: { id: 'Jumlah', en: 'Quantity' },
  goodsLine: { id: 'Baris {n}', en: 'Line {n}' },
  addGoodsLine: { id: 'Tambah barang', en: 'Add an item' },
  removeGoodsLine: { id: 'Hapus baris', en: 'Remove line' },
  availableStock: { id: 'Tersedia {n} {uom}', en: '{n} {uom} available' },
  overStock: {
    id: 'Melebihi stok tersedia: diminta {wanted}, tersedia {available} {uom}',
    en: 'More than the available stock: {wanted} wanted, {available} {uom} available',
  },
  refusedLine: {
    id: 'Ditolak: diminta {wanted}, tersedia {available} {uom}',
    en: 'Refused: {wanted} wanted, {available} {uom} available',
  },
  proposedByReview: { id: 'Usulan telaahan: {n} {uom}', en: 'Proposed in the review: {n} {uom}' },
  sameItemTwice: {
    id: 'Barang ini sudah ada di baris lain; jumlahnya dijumlahkan.',
    en: 'This item is on another line too; the quantities are added up.',
  },
  pickItem: { id: 'Pilih barang', en: 'Choose an item' },
  quantityWhole: { id: 'Bilangan bulat lebih dari 0', en: 'A whole number above 0' },
  warehouseChoice: { id: 'Gudang asal', en: 'Warehouse' },
  overStockAny: {
    id: 'Ada barang yang melebihi stok tersedia; server akan menolak pencadangannya.',
    en: 'Some items exceed the available stock; the server will refuse to reserve them.',
  },
  estimateTitle: { id: 'Perkiraan kebutuhan', en: 'Needs estimate' },
  estimateWaiting: {
    id: 'Isi jumlah jiwa terdampak dan lama kebutuhan (hari) untuk melihat perkiraan kebutuhan.',
    en: 'Enter the people affected and the days to cover to see the needs estimate.',
  },
  sphereTitle: {
    id: 'Standar minimum Sphere untuk {people} jiwa selama {days} hari',
    en: 'Sphere minimums for {people} people over {days} days',
  },
  sphereWater: { id: 'Air: {n} liter ({per} liter/jiwa/hari)', en: 'Water: {n} litres ({per} L/person/day)' },
  sphereFood: { id: 'Pangan: {n} kkal ({per} kkal/jiwa/hari)', en: 'Food: {n} kcal ({per} kcal/person/day)' },
  sphereShelter: {
    id: 'Hunian tertutup: {n} m² ({per} m²/jiwa)',
    en: 'Covered space: {n} m² ({per} m²/person)',
  },
  estimateNeeded: { id: 'Kebutuhan', en: 'Needed' },
  estimateAvailable: { id: 'Tersedia', en: 'Available' },
  estimateProposed: { id: 'Diusulkan', en: 'Proposed' },
  normOf: { id: '{n} {unit}/jiwa/hari', en: '{n} {unit}/person/day' },
  shortBy: { id: 'kurang {n}', en: '{n} short' },
  noNorms: {
    id: 'Katalog belum memiliki norma per jiwa per hari untuk barang lain; tetapkan jumlahnya dari asesmen.',
    en: 'The catalogue has no per-person-per-day norm for other items; set their quantities from the assessment.',
  },
  useEstimate: { id: 'Pakai perkiraan', en: 'Use the estimate' },
  useEstimateHint: {
    id: 'Mengisi barang yang memiliki norma dengan jumlah kebutuhannya.',
    en: 'Fills the items that have a norm with the quantity needed.',
  },
  shipmentTitle: {
    id: 'Barang yang dicadangkan untuk permohonan ini',
    en: 'Goods reserved for this request',
  },
  batchOf: { id: 'kedaluwarsa {date}', en: 'expires {date}' },
  noExpiry: { id: 'tanpa kedaluwarsa', en: 'no expiry' },
  handoverTitle: { id: 'Penerimaan barang', en: 'Goods received' },
  handoverHint: {
    id: 'Isi jumlah yang diterima dalam keadaan baik. Kekurangan atau kerusakan dicatat dengan alasannya.',
    en: 'Enter the quantity received in good condition. A shortfall or damage is recorded with its reason.',
  },
  dispatchedQty: { id: 'Dikirim {n} {uom}', en: '{n} {uom} dispatched' },
  receivedQty: { id: 'Diterima baik', en: 'Received in good order' },
  receivedTooMany: {
    id: 'Tidak boleh melebihi yang dikirim ({n})',
    en: 'Cannot exceed what was dispatched ({n})',
  },
  shortfallOf: { id: 'Kekurangan/kerusakan: {n} {uom}', en: 'Shortfall or damage: {n} {uom}' },
  damaged: {
    id: 'Rusak (dihapus dari stok); bila tidak, kembali ke stok gudang',
    en: 'Damaged (written off); otherwise back to the warehouse stock',
  },
  shortReason: { id: 'Alasan', en: 'Reason' },
  shortReasonHint: { id: 'Paling sedikit 5 karakter', en: 'At least 5 characters' },
  confirmProposed: {
    id: 'Barang yang diusulkan ke Kepala Bidang',
    en: 'Goods proposed to the Head of Division',
  },
  confirmReserve: { id: 'Akan dicadangkan dari {warehouse}', en: 'To be reserved in {warehouse}' },
  confirmShip: {
    id: 'Akan dikirim (surat jalan diterbitkan)',
    en: 'To be dispatched (a delivery note is issued)',
  },
  confirmRelease: { id: 'Cadangan yang dikembalikan ke stok', en: 'Reservation given back to stock' },
  confirmReceived: { id: 'Diterima (dicatat di BAST)', en: 'Received (recorded on the BAST)' },
  confirmReturns: { id: 'Kekurangan atau kerusakan', en: 'Shortfall or damage' },
  returnDamaged: { id: 'rusak, dihapus dari stok', en: 'damaged, written off' },
  returnShort: { id: 'kurang, kembali ke stok', en: 'short, back to stock' },
  noGoods: { id: 'Tidak ada barang.', en: 'No goods.' },
});
