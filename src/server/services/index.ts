// Every e-service module, registered in the catalogue. Adding a service is adding a line.
import { registerService } from './catalogue';
import { exitReentryVisa } from './visas/exit-reentry';
import { finalExitVisa } from './visas/final-exit';
import { iqamaIssue } from './iqamas/issue';
import { iqamaRenew } from './iqamas/renew';
import { passportIssue } from './passports/issue';
import { passportRenew } from './passports/renew';
import { professionChange } from './professions/change';
import { transferOfInformation } from './transfer-of-information';
import { transferOfServices } from './transfers/transfer-of-services';

registerService(exitReentryVisa);
registerService(finalExitVisa);
registerService(iqamaIssue);
registerService(iqamaRenew);
registerService(passportIssue);
registerService(passportRenew);
registerService(professionChange);
registerService(transferOfInformation);
registerService(transferOfServices);
