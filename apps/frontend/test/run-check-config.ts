// Runs the server's start-up check in a real process, with API_URL taken from argv.
import { checkConfigOrExit } from '@/app/lib/check-config';

checkConfigOrExit(process.argv[2]);
