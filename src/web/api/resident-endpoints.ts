import { publicReportsContract, residentSideContract } from '../../contracts/public-reports.contract.js';
import { call, routeUrl } from './call.js';

/** The resident's side of a report: the photo sent with it, and for staff the receipt code and the replies. */
export const residentEndpoints = {
  /** Sends the photo of a report just filed (multipart field "photo"). */
  attachPhoto: (receipt: string, photo: File) => {
    const form = new FormData();
    form.append('photo', photo, photo.name);
    return call(publicReportsContract.attachPhoto, { params: { receipt }, body: form });
  },
  publicPhotoUrl: (receipt: string, size: 'full' | 'thumb') =>
    routeUrl(publicReportsContract.photo, { params: { receipt }, query: { size } }),
  incidentByReceipt: (receipt: string) => call(residentSideContract.byReceipt, { params: { receipt } }),
  residentSide: (id: string) => call(residentSideContract.get, { params: { id } }),
  reply: (id: string, body: string) => call(residentSideContract.reply, { params: { id }, body: { body } }),
  staffPhotoUrl: (id: string, size: 'full' | 'thumb') =>
    routeUrl(residentSideContract.photo, { params: { id }, query: { size } }),
};
