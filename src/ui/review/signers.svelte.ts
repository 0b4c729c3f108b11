// The names people typed when they last took a step here (面谈人, 处理人): offered again on the next
// person, for this visit of the page only (nothing is stored but what the steps record).
export const signers = $state({ manager: '', hr: '' });
