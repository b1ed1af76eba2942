// The plugin's id and its types' uids have one home, shared with the admin panel.
export * from '../../../shared/contracts/uids';
